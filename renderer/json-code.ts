import { json } from '@codemirror/lang-json';
import { codeFolding, foldGutter, foldKeymap } from '@codemirror/language';
import { keymap } from '@codemirror/view';
import type { BasicSetupOptions } from '@uiw/react-codemirror';

/** JSON highlighting with a fold gutter and the folding keys (Ctrl/Cmd+Shift+[ and ]). */
export function jsonExtensions() {
  return [json(), codeFolding(), foldGutter(), keymap.of(foldKeymap)];
}

/** basicSetup without its own fold gutter and keys: jsonExtensions() brings them. */
export const jsonBasicSetup: BasicSetupOptions = {
  foldGutter: false,
  foldKeymap: false,
  lineNumbers: true,
  highlightActiveLine: false,
};

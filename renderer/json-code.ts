import { json } from '@codemirror/lang-json';
import {
  codeFolding,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  syntaxHighlighting,
} from '@codemirror/language';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { BasicSetupOptions } from '@uiw/react-codemirror';

/**
 * The app's colours inside CodeMirror, from the Mantine theme's variables, so text and
 * highlighting meet WCAG AA in the light and the dark scheme alike (see theme.ts).
 */
const workbenchTheme = Prec.highest(
  EditorView.theme({
    '&': { backgroundColor: 'var(--mantine-color-body)', color: 'var(--mantine-color-text)' },
    '.cm-content': { caretColor: 'var(--mantine-color-text)' },
    '.cm-gutters': {
      backgroundColor: 'var(--mantine-color-default)',
      color: 'var(--mantine-color-dimmed)',
      borderRight: '1px solid var(--mantine-color-default-border)',
    },
    '.cm-activeLineGutter': { backgroundColor: 'transparent' },
  }),
);

const jsonHighlight = Prec.highest(
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: tags.string, color: 'var(--mantine-color-red-text)' },
      { tag: [tags.number, tags.bool, tags.null], color: 'var(--mantine-color-blue-text)' },
      { tag: tags.propertyName, color: 'var(--mantine-color-violet-text)' },
      {
        tag: [tags.punctuation, tags.brace, tags.squareBracket, tags.separator],
        color: 'var(--mantine-color-text)',
      },
      { tag: tags.invalid, color: 'var(--mantine-color-orange-text)' },
    ]),
  ),
);

/**
 * JSON highlighting with a fold gutter and the folding keys (Ctrl/Cmd+Shift+[ and ]). The text
 * takes keyboard focus even when read-only, so its scroll area can be scrolled by keyboard.
 */
export function jsonExtensions() {
  return [
    json(),
    codeFolding(),
    foldGutter(),
    keymap.of(foldKeymap),
    workbenchTheme,
    jsonHighlight,
    EditorView.contentAttributes.of({ tabindex: '0' }),
  ];
}

/** basicSetup without its own fold gutter and keys: jsonExtensions() brings them. */
export const jsonBasicSetup: BasicSetupOptions = {
  foldGutter: false,
  foldKeymap: false,
  lineNumbers: true,
  highlightActiveLine: false,
};

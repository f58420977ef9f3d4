import { NativeSelect, Stack, Text } from '@mantine/core';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { jsonBasicSetup, jsonExtensions } from './json-code';

export const bodyContentTypes = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
] as const;

/** The request body in CodeMirror (JSON highlighting, folding), its content type, Mod-Enter sends. */
export function BodyEditor({
  value,
  onChange,
  contentType,
  onContentType,
  onSubmit,
}: {
  value: string;
  onChange: (value: string) => void;
  contentType: string;
  onContentType: (value: string) => void;
  onSubmit: () => void;
}) {
  const extensions = useMemo(() => jsonExtensions(), []);
  return (
    <Stack gap={4}>
      <NativeSelect
        label="Content-Type"
        size="xs"
        w={280}
        value={contentType}
        onChange={(e) => onContentType(e.currentTarget.value)}
        data={[...new Set([...bodyContentTypes, contentType])]}
      />
      <Text size="sm" fw={500} id="request-body-label">
        Body
      </Text>
      <div
        onKeyDownCapture={(e) => {
          // Before CodeMirror's own Mod-Enter (insert blank line): Ctrl/Cmd+Enter sends.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.stopPropagation();
            onSubmit();
          }
        }}
      >
        <CodeMirror
          value={value}
          onChange={onChange}
          extensions={extensions}
          minHeight="90px"
          maxHeight="320px"
          basicSetup={jsonBasicSetup}
          aria-labelledby="request-body-label"
          style={{ fontSize: 12, border: '1px solid var(--mantine-color-default-border)' }}
        />
      </div>
    </Stack>
  );
}

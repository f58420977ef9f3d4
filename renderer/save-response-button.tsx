import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { BodyInfo } from '../shared/body-pages';
import { workbench } from './workbench-api';

function extension(body: BodyInfo): string {
  if (body.kind === 'json') return 'json';
  if (body.kind === 'binary') return 'bin';
  if (/html/i.test(body.contentType ?? '')) return 'html';
  if (/xml/i.test(body.contentType ?? '')) return 'xml';
  return 'txt';
}

/** Writes the whole body (kept in main) to a file in the saved-responses folder. */
export function SaveResponseButton({ body, fileStem }: { body: BodyInfo; fileStem: string }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Group gap={6}>
      <Button
        size="compact-xs"
        variant="default"
        onClick={() => {
          setError(null);
          workbench
            .saveResponse({ bodyId: body.id, fileName: `${fileStem}.${extension(body)}` })
            .then(
              (res) => setSaved(res.path),
              (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
            );
        }}
      >
        Save response
      </Button>
      {saved && (
        <Text size="xs" c="teal" style={{ wordBreak: 'break-all' }}>
          Saved to {saved}
        </Text>
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}

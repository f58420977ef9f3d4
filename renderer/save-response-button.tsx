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

/** Starts a browser download of a one-time link (the browser host's Save response). */
function download(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * Save response: the app's save dialog (Electron), or a download streamed from main (browser
 * host). The whole body is written, however large; it never passes through the page.
 */
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
          setSaved(null);
          workbench
            .saveResponseAs({ bodyId: body.id, fileName: `${fileStem}.${extension(body)}` })
            .then(
              (res) => {
                if (res.outcome === 'saved') setSaved(`Saved to ${res.path}`);
                if (res.outcome === 'download') {
                  download(res.url, res.fileName);
                  setSaved(`Downloading ${res.fileName}`);
                }
              },
              (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
            );
        }}
      >
        Save response
      </Button>
      {saved && (
        <Text size="xs" c="teal" role="status" style={{ wordBreak: 'break-all' }}>
          {saved}
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

import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { ProfileView } from '../shared/profile';
import type { ImportResult } from '../shared/profile-transfer';
import { workbench } from './workbench-api';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const sourceWords: Record<ImportResult['source'], string> = {
  workbench: 'Token Workbench export',
  'postman-collection': 'Postman collection',
  'postman-environment': 'Postman environment',
  unknown: 'file',
};

/** Export profiles (no secrets, no tokens) and import them, or a Postman collection/environment. */
export function ProfileTransferButtons({
  onImported,
}: {
  onImported: (list: ProfileView[], firstId: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<(ImportResult & { file: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportAll() {
    setError(null);
    try {
      const out = await workbench.exportProfiles({});
      download(out.fileName, out.json);
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function importFile(file: File) {
    setBusy(true);
    setError(null);
    try {
      const text = await file.text();
      const r = await workbench.importProfiles({ text });
      setResult({ ...r, file: file.name });
      if (r.imported.length > 0) {
        onImported(await workbench.listProfiles({}), r.imported[0]?.id ?? null);
      }
    } catch (e) {
      setError(`Import failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  const reenter = result?.imported.filter((p) => p.secretsToReenter.length > 0) ?? [];
  return (
    <Stack gap={4}>
      <Group gap={6} grow>
        <Button size="compact-xs" variant="default" onClick={() => void exportAll()}>
          Export profiles
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          loading={busy}
          onClick={() => input.current?.click()}
        >
          Import profiles
        </Button>
      </Group>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void importFile(file);
        }}
      />
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Modal
        opened={result !== null}
        onClose={() => setResult(null)}
        title={result?.problems.length ? 'Nothing was imported' : 'Profiles imported'}
        size="lg"
      >
        {result && (
          <Stack gap="sm">
            <Text size="sm">
              {result.file} was read as a {sourceWords[result.source]}. Nothing in it was run.
            </Text>
            {result.problems.length > 0 ? (
              <Alert color="red" title={`${result.problems.length} problem(s)`} role="alert">
                <List size="sm" spacing={4}>
                  {result.problems.map((p, i) => (
                    <List.Item key={i}>
                      <Code>{p.path}</Code> {p.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <>
                <List size="sm">
                  {result.imported.map((p) => (
                    <List.Item key={p.id}>{p.name}</List.Item>
                  ))}
                </List>
                {reenter.length > 0 && (
                  <Alert color="yellow" title="Secrets to enter again">
                    Files never carry secrets. Enter the client secret (Admin &amp; Settings &gt;
                    Applications) for: {reenter.map((p) => p.name).join(', ')}.
                  </Alert>
                )}
              </>
            )}
            <Group justify="flex-end">
              <Button onClick={() => setResult(null)}>Close</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

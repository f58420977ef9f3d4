import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CurlExport } from '../shared/contract';
import { copyText } from './clipboard';
import { CopyButton } from './copy-button';
import { useSensitive, useSensitiveText } from './presentation';
import { mono } from './theme';
import { workbench } from './workbench-api';

/**
 * Copies a call as curl, with secrets and tokens as shell variables. The dialog shows the command
 * and offers the real values only by an explicit choice, with a warning.
 */
export function CopyAsCurl({ callId }: { callId: string }) {
  const [opened, setOpened] = useState(false);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [exported, setExported] = useState<CurlExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const show = useSensitive();
  const maskText = useSensitiveText();

  async function load(withSecrets: boolean, copy: boolean) {
    setError(null);
    try {
      const next = await workbench.copyAsCurl({ callId, includeSecrets: withSecrets });
      setExported(next);
      if (copy) setCopied(await copyText(next.command));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <>
      <Button
        size="xs"
        variant="default"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          setIncludeSecrets(false);
          setOpened(true);
          void load(false, true);
        }}
      >
        Copy as curl
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Copy as curl" size="xl">
        <Stack gap="sm">
          {copied !== null && (
            <Text size="xs" c={copied ? 'teal' : 'red'}>
              {copied
                ? 'Copied to the clipboard.'
                : 'The clipboard refused: copy from the box below.'}
            </Text>
          )}
          <Checkbox
            label="Include secrets (the real client secret or token in the command)"
            checked={includeSecrets}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setIncludeSecrets(on);
              setCopied(null);
              void load(on, false);
            }}
          />
          {includeSecrets && (
            <Alert color="orange" variant="light" title="This command holds a secret">
              Anyone who sees it can act as this client until the secret is regenerated or the token
              expires. Do not paste it into tickets, chats or shell history you share.
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          {exported && (
            <>
              <Textarea
                label="curl command"
                value={
                  exported.includesSecrets
                    ? show('secret', exported.command)
                    : maskText(exported.command)
                }
                readOnly
                autosize
                minRows={4}
                maxRows={16}
                styles={{ input: { ...mono, fontSize: 12 } }}
              />
              {exported.variables.length > 0 && (
                <div>
                  <Text size="xs" fw={600}>
                    Set these shell variables first:
                  </Text>
                  <List size="xs">
                    {exported.variables.map((v) => (
                      <List.Item key={v.name}>
                        <Text span ff="monospace" size="xs">
                          {v.name}
                        </Text>
                        : {v.meaning}
                      </List.Item>
                    ))}
                  </List>
                </div>
              )}
              <Group justify="flex-end">
                <CopyButton label="Copy command" value={exported.command} />
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}

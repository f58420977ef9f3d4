import { Alert, Box, Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CheckFix, ClientCheckResult } from '../../shared/client-check/check-types';
import { pickProfileFields, type ProfileView } from '../../shared/profile';
import { useSensitiveText } from '../presentation';
import { workbench } from '../workbench-api';
import { CheckStepItem } from './check-step-item';
import { exportReport } from './report-export';
import { useClientCheck } from './use-client-check';

export interface ClientCheckPanelProps {
  /** The saved profile to check. */
  profile: ProfileView;
  /** Called with the saved profile after a one-click fix changed it. */
  onProfileSaved: (view: ProfileView) => void;
  /** "Open the presets for this scope": the host opens a request tab with the scope's presets. */
  onOpenPresets: (scope: string) => void;
  /** Runs before the check (e.g. save unsaved changes); false stops it. */
  beforeRun?: () => Promise<boolean>;
}

const outcomeColor = { passed: 'teal', failed: 'red', undecided: 'yellow', cancelled: 'gray' };

/**
 * "Check this client": one button; the steps fill in live (pushed progress), a failed step
 * expands to its evidence and finding with a one-click fix where one exists, and the last result
 * is kept per profile and can be exported as Markdown or HTML. The host gives it a heading.
 */
export function ClientCheckPanel({
  profile,
  onProfileSaved,
  onOpenPresets,
  beforeRun,
}: ClientCheckPanelProps) {
  const check = useClientCheck(profile.id);
  const mask = useSensitiveText();
  const [scopeProbe, setScopeProbe] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const shown: Pick<ClientCheckResult, 'steps' | 'summary'> | null = check.live ?? check.last;

  async function start() {
    setNote(null);
    if (beforeRun && !(await beforeRun())) return;
    await check.run(scopeProbe);
  }

  async function applyFix(fix: CheckFix) {
    if (fix.kind === 'open-presets') return onOpenPresets(fix.scope);
    const fields = pickProfileFields(profile);
    const changed =
      fix.kind === 'use-method'
        ? { ...fields, authMethod: fix.authMethod, basicEncoding: fix.basicEncoding }
        : { ...fields, scopes: fix.scopes };
    try {
      const view = await workbench.saveProfile({ id: profile.id, fields: changed });
      onProfileSaved(view);
      setNote(`${fix.label}: saved. Check again to see the result.`);
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
    }
  }

  async function download(format: 'markdown' | 'html') {
    try {
      setNote(`Report saved as ${await exportReport(profile.id, format)}.`);
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Stack gap="sm" component="section" aria-label="Client check">
      <Group justify="flex-end" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Checkbox
            size="xs"
            label="Scope probe (paced)"
            checked={scopeProbe}
            onChange={(e) => setScopeProbe(e.currentTarget.checked)}
            disabled={check.running}
          />
          {check.running ? (
            <Button size="xs" variant="default" onClick={check.cancel}>
              Cancel check
            </Button>
          ) : (
            <Button size="xs" onClick={() => void start()}>
              Check this client
            </Button>
          )}
        </Group>
      </Group>
      {check.error && (
        <Alert color="red" variant="light" p="xs" title="The check could not run">
          {check.error}
        </Alert>
      )}
      {!shown && (
        <Text size="sm" c="dimmed">
          Runs every step a newly registered client needs, in order: team address, discovery, token
          endpoint, authentication method, token, its signature, scopes and one read-only call per
          granted scope. Nothing but GET is sent to an API.
        </Text>
      )}
      {shown && (
        <Stack
          gap={6}
          component="ol"
          aria-label="Check steps"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {shown.steps.map((step) => (
            <CheckStepItem key={step.id} step={step} onFix={(fix) => void applyFix(fix)} />
          ))}
        </Stack>
      )}
      {shown?.summary && (
        <Box component="section" aria-label="Check summary">
          <Alert
            color={outcomeColor[shown.summary.outcome]}
            variant="light"
            title={`Summary: ${shown.summary.outcome}`}
          >
            <Text size="sm">{mask(shown.summary.sentence)}</Text>
            {shown.summary.changes.length > 0 && (
              <List type="ordered" size="sm" mt={4}>
                {shown.summary.changes.map((c) => (
                  <List.Item key={c}>{mask(c)}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        </Box>
      )}
      {check.last && !check.running && (
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            Last check {new Date(check.last.startedAt).toLocaleString()}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => void download('markdown')}>
            Export report (Markdown)
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => void download('html')}>
            Export report (HTML)
          </Button>
        </Group>
      )}
      {note && (
        <Text size="xs" role="status">
          {note}
        </Text>
      )}
    </Stack>
  );
}

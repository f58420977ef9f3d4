import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';

/** First start: offer the sandbox, or a profile for a real team. */
export function SandboxWelcome({
  onTrySandbox,
  onNewProfile,
  busy,
}: {
  onTrySandbox: () => void;
  onNewProfile: () => void;
  busy: boolean;
}) {
  return (
    <Card withBorder padding="xl" radius="lg" maw={720} mx="auto" mt="xl">
      <Stack gap="md">
        <Title order={2}>Welcome to Token Workbench</Title>
        <Text>
          Test an OAuth 2.0 client registered in a Celonis Platform team: get a token the way the
          platform hands it out, see exactly what went over the wire, and call the team&apos;s APIs
          with it.
        </Text>
        <Text>
          No team at hand? The sandbox is a local authorization server with a few sample Celonis
          APIs, running on 127.0.0.1 on this machine only. Everything that uses it is labelled
          Sandbox.
        </Text>
        <List size="sm" spacing={4} c="dimmed">
          <List.Item>Tick scopes from the platform&apos;s catalog and press Get token.</List.Item>
          <List.Item>Watch the 899-second countdown and the exact token request.</List.Item>
          <List.Item>Call an API and read why it answers 401 or 403.</List.Item>
        </List>
        <Group>
          <Button size="md" onClick={onTrySandbox} loading={busy}>
            Try the sandbox
          </Button>
          <Button size="md" variant="default" onClick={onNewProfile}>
            New profile
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

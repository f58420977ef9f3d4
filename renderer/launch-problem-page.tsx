import { Center, Code, Paper, Stack, Text, Title } from '@mantine/core';

/** Full-page message when this page cannot talk to a workbench host. */
export function LaunchProblemPage({ title, detail }: { title: string; detail?: string }) {
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={560} radius="lg">
        <Stack gap="sm">
          <Title order={2}>{title}</Title>
          <Text>
            Open the link that <Code>npm run browser</Code> printed. It carries a key that is valid
            for this run of the workbench only.
          </Text>
          {detail && (
            <Text size="sm" c="dimmed">
              {detail}
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { LaunchProblemPage } from './launch-problem-page';
import { LoadErrorBoundary } from './load-error-boundary';
import { PresentationRoot } from './presentation';
import { LaunchKeyRejectedError } from './rpc-transport';
import { useWorkspaceData } from './shell/use-workspace-data';
import { launchProblem } from './workbench-api';

// The workspace is its own chunk, fetched while the data loads: evaluating it is a task of its
// own, not part of the start bundle's one long evaluation.
const workbenchModule = launchProblem === 'no-key' ? null : import('./shell/workbench');
const Workbench = lazy(async () => {
  const m = await (workbenchModule ?? import('./shell/workbench'));
  return { default: m.Workbench };
});

export function App() {
  if (launchProblem === 'no-key') {
    return <LaunchProblemPage title="This page was opened without its launch key" />;
  }
  return (
    <PresentationRoot>
      <Loaded />
    </PresentationRoot>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loads settings, profiles and saved requests, then shows the workspace. */
function Loaded() {
  const { data, error, retry } = useWorkspaceData();
  if (error instanceof LaunchKeyRejectedError) {
    return <LaunchProblemPage title="This page's launch key is not valid" detail={error.message} />;
  }
  if (error) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={560}>
          <Alert color="red" title="Could not load the workbench" role="alert">
            Loading settings and profiles failed: {messageOf(error)}
          </Alert>
          <Button onClick={retry} w="fit-content">
            Try again
          </Button>
        </Stack>
      </Center>
    );
  }
  const connecting = (
    <Center mih="100vh">
      <Stack align="center" gap="xs">
        <Loader />
        <Text size="sm" c="dimmed">
          Connecting to the workbench…
        </Text>
      </Stack>
    </Center>
  );
  if (!data) return connecting;
  return (
    <LoadErrorBoundary>
      <Suspense fallback={connecting}>
        <Workbench initial={data} />
      </Suspense>
    </LoadErrorBoundary>
  );
}

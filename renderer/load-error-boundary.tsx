import { Alert, Button, Center, Stack } from '@mantine/core';
import { Component, type ReactNode } from 'react';

/**
 * Catches a render error of the workspace (or its chunk failing to load) and says so, with a
 * reload, instead of leaving a blank page. Nothing the user saved lives in the page.
 */
export class LoadErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Center mih="100vh" p="md">
        <Stack maw={560}>
          <Alert color="red" title="The workbench could not be shown" role="alert">
            {this.state.error.name}: {this.state.error.message.slice(0, 300)}. Your profiles and
            secrets are not affected.
          </Alert>
          <Button onClick={() => window.location.reload()} w="fit-content">
            Reload
          </Button>
        </Stack>
      </Center>
    );
  }
}

import { Alert, Button, Group, Text } from '@mantine/core';
import type { SidebarRequest } from '../../shared/sidebar-rows';
import { announceRequestChange } from '../saved-request-events';
import { workbench } from '../workbench-api';

/** "Deleted <request>" with Undo, after a delete from the sidebar's row menu. */
export function DeletedRequestNotice({
  request,
  onDone,
  onError,
}: {
  request: SidebarRequest;
  /** The notice goes; `restored` says whether the request came back. */
  onDone: (restored: boolean) => void;
  onError: (message: string) => void;
}) {
  return (
    <Alert color="gray" p={6} role="status">
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" truncate>
          Deleted request {request.name}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          aria-label={`Undo deleting ${request.name}`}
          onClick={() => {
            workbench.restoreRequest({ id: request.id }).then(
              (back) => {
                announceRequestChange({ kind: 'restored', request: back });
                onDone(true);
              },
              (e: unknown) => {
                onDone(false);
                onError(`Undo failed: ${e instanceof Error ? e.message : String(e)}`);
              },
            );
          }}
        >
          Undo
        </Button>
      </Group>
    </Alert>
  );
}

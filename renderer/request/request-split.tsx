import { Box } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';

export type SplitOrientation = 'stacked' | 'side-by-side';

const ORIENTATION_KEY = 'token-workbench.request-split';

function readOrientation(): SplitOrientation {
  try {
    return window.localStorage.getItem(ORIENTATION_KEY) === 'side-by-side'
      ? 'side-by-side'
      : 'stacked';
  } catch {
    return 'stacked';
  }
}

/** localStorage where the page may use it; otherwise the sizes last for this run only. */
function layoutStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    const storage = window.localStorage;
    storage.getItem(ORIENTATION_KEY);
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}
const storage = typeof window === 'undefined' ? null : layoutStorage();

/** The split's orientation, remembered across runs (a layout preference, not user data). */
export function useSplitOrientation(): [SplitOrientation, (o: SplitOrientation) => void] {
  const [orientation, setOrientation] = useState(readOrientation);
  return [
    orientation,
    (o) => {
      setOrientation(o);
      try {
        window.localStorage.setItem(ORIENTATION_KEY, o);
      } catch {
        // storage blocked: the choice lasts for this tab only
      }
    },
  ];
}

/**
 * The request editor and the response in a resizable split (react-resizable-panels); sizes are
 * remembered per orientation in localStorage.
 */
export function RequestSplit({
  orientation,
  request,
  response,
}: {
  orientation: SplitOrientation;
  request: ReactNode;
  response: ReactNode;
}) {
  const id = `token-workbench.request-split.${orientation}`;
  const saved = useDefaultLayout({ id, storage: storage ?? undefined });
  const horizontal = orientation === 'side-by-side';
  return (
    <Group
      key={orientation}
      id={id}
      orientation={horizontal ? 'horizontal' : 'vertical'}
      defaultLayout={saved.defaultLayout}
      onLayoutChanged={saved.onLayoutChanged}
      style={{ flex: 1, minHeight: 0 }}
    >
      <Panel id="request" defaultSize={horizontal ? '45' : '38'} minSize="15">
        <Box style={{ height: '100%', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          {request}
        </Box>
      </Panel>
      <Separator
        aria-label="Resize the request and response panes"
        style={{
          flexBasis: 6,
          background: 'var(--mantine-color-default-border)',
          borderRadius: 3,
          margin: horizontal ? '0 4px' : '4px 0',
        }}
      />
      <Panel id="response" minSize="20">
        <Box style={{ height: '100%', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          {response}
        </Box>
      </Panel>
    </Group>
  );
}

import { Badge, Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import type { BodyInfo, BodyView } from '../shared/body-pages';
import { CopyButton } from './copy-button';
import { formatBytes } from './format';
import { SaveResponseButton } from './save-response-button';

/** Where a search stands: how many lines and matches, which one is current. */
export interface SearchStatus {
  lines: number;
  matches: number;
  truncated: boolean;
  current: number;
}

/** The row above a response body: Pretty/Raw, line count, search with Find, Save response. */
export function BodyToolbar({
  body,
  view,
  onView,
  shownRaw,
  total,
  complete,
  query,
  onQuery,
  onFind,
  onStep,
  status,
  fileStem,
  copyText,
}: {
  body: BodyInfo;
  view: BodyView;
  onView: (v: BodyView) => void;
  /** Pretty was asked for but the body is not valid JSON. */
  shownRaw: boolean;
  total: number;
  complete: boolean;
  query: string;
  onQuery: (q: string) => void;
  /** Enter in the search box: a new query searches, the same one steps to the next match. */
  onFind: (repeat: boolean, backwards: boolean) => void;
  onStep: (delta: number) => void;
  status: SearchStatus | null;
  fileStem: string;
  /** The whole shown text, when it is small enough to copy (the folding view has it). */
  copyText?: string;
}) {
  return (
    <Group gap="xs" mb={6} wrap="wrap">
      {body.kind === 'json' && (
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => onView(v as BodyView)}
          data={[
            { label: 'Pretty', value: 'pretty' },
            { label: 'Raw', value: 'raw' },
          ]}
        />
      )}
      {shownRaw && (
        <Badge size="xs" color="yellow" variant="light">
          Not valid JSON: shown raw
        </Badge>
      )}
      <Text size="xs" c="dimmed">
        {total.toLocaleString('en')} lines{complete ? '' : ' so far'} · {formatBytes(body.size)}
      </Text>
      <TextInput
        size="xs"
        aria-label="Search body"
        placeholder="Search body"
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onFind(true, e.shiftKey);
          }
        }}
        w={200}
      />
      <Button size="compact-xs" variant="default" onClick={() => onFind(false, false)}>
        Find
      </Button>
      {status && (
        <>
          <Text size="xs" aria-live="polite">
            {status.lines === 0
              ? 'No match'
              : `${status.current + 1} of ${status.lines}${status.truncated ? '+' : ''} lines (${status.matches}${status.truncated ? '+' : ''} matches)`}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onStep(-1)}>
            Previous
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => onStep(1)}>
            Next
          </Button>
        </>
      )}
      {copyText !== undefined && <CopyButton label="Copy body" value={copyText} />}
      <SaveResponseButton body={body} fileStem={fileStem} />
    </Group>
  );
}

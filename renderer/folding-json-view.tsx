import { SearchQuery } from '@codemirror/search';
import { EditorView } from '@codemirror/view';
import { Box, Text } from '@mantine/core';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BodyInfo, BodyView } from '../shared/body-pages';
import { BodyToolbar, type SearchStatus } from './body-toolbar';
import { jsonBasicSetup, jsonExtensions } from './json-code';
import { usePersonalDataText } from './request/personal-data';
import { workbench } from './workbench-api';

/** JSON bodies up to this size are shown whole in CodeMirror, with folding; larger ones paged. */
const PAGE = 2000;

interface Loaded {
  text: string;
  lines: number;
  served: BodyView;
}

/** Reads the whole pretty text from main, page by page (main still holds the body). */
async function loadPretty(bodyId: string): Promise<Loaded> {
  const lines: string[] = [];
  let served: BodyView = 'pretty';
  for (;;) {
    const res = await workbench.getBodyPage({
      bodyId,
      view: 'pretty',
      from: lines.length,
      count: PAGE,
    });
    served = res.view;
    lines.push(...res.lines);
    if (res.complete && lines.length >= res.total) break;
    if (res.lines.length === 0) await new Promise((r) => window.setTimeout(r, 100));
  }
  return { text: lines.join('\n'), lines: lines.length, served };
}

interface Match {
  from: number;
  to: number;
  line: number;
}

/** A JSON body of moderate size, pretty-printed in a read-only CodeMirror view with folding. */
export function FoldingJsonView({
  body,
  onView,
  fileStem,
}: {
  body: BodyInfo;
  onView: (v: BodyView) => void;
  fileStem: string;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; matches: Match[]; count: number } | null>(
    null,
  );
  const [current, setCurrent] = useState(0);
  const cm = useRef<ReactCodeMirrorRef>(null);
  const maskPersonal = usePersonalDataText();
  const shownText = useMemo(
    () => (loaded ? maskPersonal(loaded.text) : ''),
    [loaded, maskPersonal],
  );
  const extensions = useMemo(
    () => [
      ...jsonExtensions(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Response body' }),
    ],
    [],
  );

  useEffect(() => {
    let live = true;
    loadPretty(body.id).then(
      (res) => live && setLoaded(res),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [body.id]);

  function select(m: Match | undefined) {
    const view = cm.current?.view;
    if (!view || !m) return;
    // Moving the selection into a folded range unfolds it.
    view.dispatch({ selection: { anchor: m.from, head: m.to }, scrollIntoView: true });
  }
  function find() {
    const view = cm.current?.view;
    if (!view) return;
    // Same rule as the paged view's search in main: case-insensitive unless the query has capitals.
    const q = new SearchQuery({ search: query, caseSensitive: /[A-Z]/.test(query) });
    const matches: Match[] = [];
    let count = 0;
    if (q.valid) {
      const cursor = q.getCursor(view.state.doc);
      for (let r = cursor.next(); !r.done; r = cursor.next()) {
        const { from, to } = r.value;
        const line = view.state.doc.lineAt(from).number;
        count++;
        // Steps go line by line, as in the paged view.
        if (matches[matches.length - 1]?.line !== line) matches.push({ from, to, line });
      }
    }
    setFound({ query, matches, count });
    setCurrent(0);
    select(matches[0]);
  }
  function step(delta: number) {
    if (!found || found.matches.length === 0) return;
    const next = (current + delta + found.matches.length) % found.matches.length;
    setCurrent(next);
    select(found.matches[next]);
  }

  const status: SearchStatus | null = found && {
    lines: found.matches.length,
    matches: found.count,
    truncated: false,
    current,
  };
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <BodyToolbar
        body={body}
        view="pretty"
        onView={onView}
        shownRaw={loaded?.served === 'raw'}
        total={loaded?.lines ?? 0}
        complete={loaded !== null}
        query={query}
        onQuery={setQuery}
        onFind={(repeat, backwards) => {
          if (repeat && found?.query === query) step(backwards ? -1 : 1);
          else find();
        }}
        onStep={step}
        status={status}
        fileStem={fileStem}
        copyText={loaded ? loaded.text : undefined}
      />
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      {loaded ? (
        <Box style={{ flex: 1, minHeight: 80 }}>
          <CodeMirror
            ref={cm}
            value={shownText}
            readOnly
            extensions={extensions}
            basicSetup={jsonBasicSetup}
            height="100%"
            style={{
              height: '100%',
              fontSize: 12,
              border: '1px solid var(--mantine-color-default-border)',
            }}
          />
        </Box>
      ) : (
        !error && (
          <Text size="xs" c="dimmed">
            Loading body…
          </Text>
        )
      )}
    </Box>
  );
}

import { Box, Button, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BodyInfo, BodySearch, BodyView } from '../shared/body-pages';
import { BodyLineNumber } from './body-line-number';
import { BodyToolbar } from './body-toolbar';
import { FOLD_LIMIT, FoldingJsonView } from './code-views';
import { SaveResponseButton } from './save-response-button';
import { usePersonalDataText } from './request/personal-data';
import { mono } from './theme';
import { workbench } from './workbench-api';

const PAGE = 200;
const ROW_HEIGHT = 18;
/**
 * Lines the virtual list holds at once. A 100 MB body has millions of lines: more than a
 * scroll area can be tall, and more than the virtualizer should measure on every update.
 */
const SEGMENT = 100_000;

/**
 * A response body kept in the main process. JSON up to FOLD_LIMIT is shown whole, with folding;
 * anything larger, or raw, is shown through a virtualized list of lines that are
 * fetched in pages of 200 as they scroll into view. Pretty-printing and search run in main.
 */
export function PagedBodyView({ body, fileStem }: { body: BodyInfo; fileStem: string }) {
  const [view, setView] = useState<BodyView>(body.kind === 'json' ? 'pretty' : 'raw');
  if (body.kind === 'empty') {
    return (
      <Text size="sm" c="dimmed">
        Empty body
      </Text>
    );
  }
  if (body.kind === 'binary') {
    return (
      <Group gap="sm">
        <Text size="sm">binary, {body.size.toLocaleString('en')} bytes</Text>
        <SaveResponseButton body={body} fileStem={fileStem} />
      </Group>
    );
  }
  if (body.kind === 'json' && view === 'pretty' && body.size <= FOLD_LIMIT) {
    return <FoldingJsonView key={body.id} body={body} onView={setView} fileStem={fileStem} />;
  }
  return (
    <Lines
      key={`${body.id}-${view}`}
      body={body}
      view={view}
      onView={setView}
      fileStem={fileStem}
    />
  );
}

function Lines({
  body,
  view,
  onView,
  fileStem,
}: {
  body: BodyInfo;
  view: BodyView;
  onView: (v: BodyView) => void;
  fileStem: string;
}) {
  const pages = useRef(new Map<number, string[]>());
  const pending = useRef(new Set<number>());
  const [, setVersion] = useState(0);
  const [total, setTotal] = useState(view === 'raw' ? body.rawLines : 1);
  const [complete, setComplete] = useState(view === 'raw');
  const [served, setServed] = useState<BodyView>(view);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<BodySearch | null>(null);
  const [current, setCurrent] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const maskPersonal = usePersonalDataText();
  const [segment, setSegment] = useState(0);
  const segStart = segment * SEGMENT;
  const segCount = Math.max(0, Math.min(SEGMENT, total - segStart));
  const segments = Math.max(1, Math.ceil(total / SEGMENT));

  const load = useCallback(
    (page: number, force = false) => {
      if (!force && (pages.current.has(page) || pending.current.has(page))) return;
      pending.current.add(page);
      workbench.getBodyPage({ bodyId: body.id, view, from: page * PAGE, count: PAGE }).then(
        (res) => {
          pending.current.delete(page);
          pages.current.set(page, res.lines);
          setServed(res.view);
          setTotal(res.total);
          setComplete(res.complete);
          setVersion((v) => v + 1);
        },
        (err: unknown) => {
          pending.current.delete(page);
          setError(err instanceof Error ? err.message : String(err));
        },
      );
    },
    [body.id, view],
  );

  // While main is still indexing a pretty body, ask again for the total now and then.
  useEffect(() => {
    if (complete) return;
    const timer = window.setTimeout(() => load(Math.floor((total - 1) / PAGE), true), 300);
    return () => window.clearTimeout(timer);
  }, [complete, total, load]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this view itself; its values are not passed to memoized children
  const virtualizer = useVirtualizer({
    count: segCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });
  const items = virtualizer.getVirtualItems();
  const first = segStart + (items[0]?.index ?? 0);
  const last = segStart + (items[items.length - 1]?.index ?? 0);
  useEffect(() => {
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) load(p);
  }, [first, last, load]);

  const matches = new Set(search?.lines ?? []);
  function goToLine(line: number) {
    const seg = Math.floor(line / SEGMENT);
    setSegment(seg);
    // After the segment switch has rendered, scroll within it.
    window.requestAnimationFrame(() =>
      virtualizer.scrollToIndex(line - seg * SEGMENT, { align: 'center' }),
    );
  }
  const runSearch = async () => {
    setError(null);
    try {
      const res = await workbench.searchBody({ bodyId: body.id, view, query });
      setSearch(res);
      setCurrent(0);
      if (res.lines[0] !== undefined) goToLine(res.lines[0]);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const step = (delta: number) => {
    if (!search || search.lines.length === 0) return;
    const next = (current + delta + search.lines.length) % search.lines.length;
    setCurrent(next);
    goToLine(search.lines[next] ?? 0);
  };

  const gutter = `${String(total).length + 1}ch`;
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <BodyToolbar
        body={body}
        view={view}
        onView={onView}
        shownRaw={view === 'pretty' && served === 'raw'}
        total={total}
        complete={complete}
        query={query}
        onQuery={setQuery}
        onFind={(repeat, backwards) => {
          if (repeat && search?.query === query) step(backwards ? -1 : 1);
          else void runSearch();
        }}
        onStep={step}
        status={
          search && {
            lines: search.lines.length,
            matches: search.matches,
            truncated: search.truncated,
            current,
          }
        }
        fileStem={fileStem}
      />
      {segments > 1 && (
        <Group gap="xs" mb={4}>
          <Button
            size="compact-xs"
            variant="default"
            disabled={segment === 0}
            onClick={() => setSegment((n) => n - 1)}
          >
            Previous lines
          </Button>
          <Text size="xs">
            Lines {(segStart + 1).toLocaleString('en')}–{(segStart + segCount).toLocaleString('en')}{' '}
            of {total.toLocaleString('en')}
          </Text>
          <Button
            size="compact-xs"
            variant="default"
            disabled={segment >= segments - 1}
            onClick={() => setSegment((n) => n + 1)}
          >
            Next lines
          </Button>
        </Group>
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Box
        ref={scrollRef}
        aria-label="Response body"
        tabIndex={0}
        style={{
          ...mono,
          fontSize: 12,
          flex: 1,
          minHeight: Math.min(80, Math.max(3, segCount) * ROW_HEIGHT + 16),
          overflow: 'auto',
          background: 'var(--mantine-color-default-hover)',
          borderRadius: 'var(--mantine-radius-sm)',
          padding: '8px 0',
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: '100%' }}>
          {items.map((item) => {
            const index = segStart + item.index;
            const line = pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];
            const hit = matches.has(index);
            return (
              <div
                key={item.key}
                data-line={index}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  whiteSpace: 'pre',
                  paddingLeft: 8,
                  paddingRight: 8,
                  background:
                    hit && search?.lines[current] === index
                      ? 'var(--mantine-color-yellow-3)'
                      : hit
                        ? 'var(--mantine-color-yellow-1)'
                        : undefined,
                }}
              >
                <BodyLineNumber n={index + 1} width={gutter} />
                {line === undefined ? '…' : maskPersonal(line)}
              </div>
            );
          })}
        </div>
      </Box>
    </Box>
  );
}

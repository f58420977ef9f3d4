import { Box, NavLink, Stack, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Deferred } from '../shell/deferred';

export interface Section {
  id: string;
  label: string;
  content: ReactNode;
  /** Take the full visible height (the scope picker). */
  fill?: boolean;
}

/**
 * The profile's settings in sections, with a side navigation: one click shows a section in the
 * tab's own scroll area; the page itself never scrolls.
 */
export function ProfileSections({
  sections,
  onSubmit,
  idPrefix,
}: {
  sections: Section[];
  onSubmit: () => void;
  idPrefix: string;
}) {
  const scroller = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState(sections[0]?.id ?? '');
  // The visible height of the scroll area: a "fill" section is exactly that tall.
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const box = scroller.current;
    if (!box) return undefined;
    const observer = new ResizeObserver(() => setHeight(box.clientHeight));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  function show(id: string) {
    setCurrent(id);
    const el = document.getElementById(`${idPrefix}-${id}`);
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('input, select, textarea, button')?.focus({
      preventScroll: true,
    });
  }
  function onScroll() {
    const box = scroller.current;
    if (!box) return;
    const top = box.getBoundingClientRect().top;
    let seen = sections[0]?.id ?? '';
    for (const s of sections) {
      const el = document.getElementById(`${idPrefix}-${s.id}`);
      if (el && el.getBoundingClientRect().top - top <= 40) seen = s.id;
    }
    if (seen !== current) setCurrent(seen);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }

  return (
    <Box style={{ display: 'flex', minHeight: 0, flex: 1 }}>
      <Box component="nav" aria-label="Profile sections" w={190} p="xs" style={{ flexShrink: 0 }}>
        {sections.map((s) => (
          <NavLink
            key={s.id}
            component="button"
            type="button"
            label={s.label}
            active={s.id === current}
            aria-current={s.id === current ? 'true' : undefined}
            onClick={() => show(s.id)}
          />
        ))}
      </Box>
      <form
        ref={scroller}
        onSubmit={submit}
        noValidate
        onScroll={onScroll}
        style={{ flex: 1, minWidth: 0, overflowY: 'auto', padding: '8px 16px 16px' }}
      >
        <Stack gap="xl">
          {sections.map((s, i) => (
            <Stack
              key={s.id}
              id={`${idPrefix}-${s.id}`}
              component="section"
              aria-labelledby={`${idPrefix}-${s.id}-title`}
              gap="sm"
              style={s.fill ? { height: Math.max(420, height - 24) } : undefined}
            >
              <Title order={3} fz="md" id={`${idPrefix}-${s.id}-title`}>
                {s.label}
              </Title>
              {/* The first section renders at once; the others just after, without a long task. */}
              {i === 0 ? (
                s.content
              ) : (
                <Deferred>
                  {s.fill ? <Box style={{ flex: 1, minHeight: 0 }}>{s.content}</Box> : s.content}
                </Deferred>
              )}
            </Stack>
          ))}
        </Stack>
      </form>
    </Box>
  );
}

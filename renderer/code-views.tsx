import { Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';
import type { BodyEditor as EagerBodyEditor } from './body-editor';
import type { FoldingJsonView as EagerFoldingJsonView } from './folding-json-view';

/**
 * CodeMirror is the largest part of the renderer bundle, so the views built on it load when one
 * is first shown, not at start (see `npm run bench:profiles` for the start-up figures).
 */
const LazyBodyEditor = lazy(() => import('./body-editor').then((m) => ({ default: m.BodyEditor })));
const LazyFoldingJsonView = lazy(() =>
  import('./folding-json-view').then((m) => ({ default: m.FoldingJsonView })),
);

/** JSON bodies up to this size are shown whole, with folding; larger ones in the paged view. */
export const FOLD_LIMIT = 2 * 1024 * 1024;

export function BodyEditor(props: ComponentProps<typeof EagerBodyEditor>) {
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Loading the editor" />}>
      <LazyBodyEditor {...props} />
    </Suspense>
  );
}

export function FoldingJsonView(props: ComponentProps<typeof EagerFoldingJsonView>) {
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Loading the body view" />}>
      <LazyFoldingJsonView {...props} />
    </Suspense>
  );
}

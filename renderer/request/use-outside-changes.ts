import { useEffect, useRef } from 'react';
import { onRequestChange } from '../saved-request-events';
import type { useRequestDocument } from './use-request-document';

type RequestDocument = ReturnType<typeof useRequestDocument>;

/**
 * The tab follows a rename, delete or restore of its saved request made elsewhere (the sidebar's
 * row menu): its title and Saved state change, the user's other edits stay.
 */
export function useOutsideChanges(doc: RequestDocument, savedRequestId: string | null): void {
  const latest = useRef({ doc, savedRequestId });
  useEffect(() => {
    latest.current = { doc, savedRequestId };
  });
  useEffect(
    () =>
      onRequestChange((change) => {
        const { doc: current, savedRequestId: ownId } = latest.current;
        const mine = current.saved?.id ?? ownId;
        if (change.kind === 'deleted') {
          if (current.saved?.id === change.id) current.adopt(null);
          return;
        }
        if (change.request.id !== mine) return;
        current.adopt(change.request);
        if (change.kind === 'renamed') {
          current.update((d) => ({ ...d, name: change.request.name }));
        }
      }),
    [],
  );
}

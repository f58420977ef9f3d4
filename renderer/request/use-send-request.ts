import { useRef, useState } from 'react';
import { composeRequest } from '../../shared/request-compose';
import type { ApiResult } from '../../shared/results';
import { systemDynamicSources, type ProfileVariable } from '../../shared/variables';
import { newRequestId, sendInput, type RequestDraft } from '../request-draft';
import { WorkbenchCallError, workbench } from '../workbench-api';

export interface CallError {
  message: string;
  /** The field the problem is in: url, headers, body, pathParams, or null. */
  field: string | null;
}

type Confirmation = { targetOrigin: string; profileOrigin: string; draft: RequestDraft };

/**
 * Sending one request tab's draft: variables and path parameters resolved first (a problem is
 * shown and nothing is sent), the other-origin question asked, cancellable while in flight.
 */
export function useSendRequest(options: {
  profileId: string;
  variables: readonly ProfileVariable[];
  onResult: (result: ApiResult) => void;
}) {
  const [inFlight, setInFlight] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [callError, setCallError] = useState<CallError | null>(null);
  const inFlightRef = useRef<string | null>(null);

  async function send(draft: RequestDraft, allowOtherOrigin: boolean) {
    if (inFlightRef.current) return;
    setCallError(null);
    if (!draft.url.trim()) {
      setCallError({
        message: 'URL is required: type a path such as /api/external/members or a full URL',
        field: 'url',
      });
      return;
    }
    const composed = composeRequest(
      { ...draft, pathParams: draft.pathParams ?? [] },
      options.variables,
      systemDynamicSources,
    );
    if (!composed.ok) {
      setCallError({ message: composed.message, field: composed.field });
      return;
    }
    const resolved: RequestDraft = {
      ...draft,
      url: composed.url,
      headers: composed.headers.map((h, i) => ({ ...h, key: -1 - i })),
      body: composed.body,
    };
    const requestId = newRequestId();
    inFlightRef.current = requestId;
    setInFlight(requestId);
    try {
      const next = await workbench.sendRequest(
        sendInput(resolved, options.profileId, requestId, allowOtherOrigin),
      );
      if (next.needsConfirmation && !allowOtherOrigin) {
        setConfirmation({ ...next.needsConfirmation, draft });
      } else {
        options.onResult(next);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = error instanceof WorkbenchCallError ? (error.field ?? null) : null;
      setCallError({ message: `Send failed: ${message}`, field });
    } finally {
      if (inFlightRef.current === requestId) inFlightRef.current = null;
      setInFlight((current) => (current === requestId ? null : current));
    }
  }

  function cancel() {
    const id = inFlightRef.current;
    if (!id) return;
    workbench.cancelRequest({ requestId: id }).catch((error: unknown) => {
      setCallError({ message: `Cancel failed: ${String(error)}`, field: null });
    });
  }

  return {
    inFlight: inFlight !== null,
    callError,
    confirmation,
    send: (draft: RequestDraft) => void send(draft, false),
    cancel,
    confirm: () => {
      const d = confirmation?.draft;
      setConfirmation(null);
      if (d) void send(d, true);
    },
    dismissConfirmation: () => setConfirmation(null),
  };
}

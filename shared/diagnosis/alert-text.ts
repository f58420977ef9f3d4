import type { Failure } from '../wire';
import type { Evidence, Finding } from './finding';

/** What the red failure alert shows when the diagnosis is shown beside it. */
export interface AlertText {
  title: string;
  /** null when it would only repeat error_description or a finding. */
  message: string | null;
  error?: string;
  errorDescription?: string;
  /** null when the diagnosis says what to change (it always says more). */
  hint: string | null;
}

/** Sentences of a text: split after . ! ? followed by a space, each trimmed. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function key(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');
}

function without(text: string, said: Set<string>): string | null {
  const kept = sentences(text).filter((s) => !said.has(key(s)));
  return kept.length > 0 ? kept.join(' ') : null;
}

/**
 * One rule for the failure alert and "Why did this fail?" shown together: no sentence twice.
 * The alert says what happened (title, the server's error and description, the step); each
 * finding says why and what to change. So the alert drops its hint when there are findings, and
 * any sentence of its message that a finding or error_description already says.
 */
export function alertText(failure: Failure, findings: readonly Finding[] = []): AlertText {
  const said = new Set<string>();
  for (const f of findings) for (const s of [f.title, ...sentences(f.fix)]) said.add(key(s));
  if (failure.errorDescription)
    for (const s of sentences(failure.errorDescription)) said.add(key(s));
  const hint = findings.length > 0 ? null : failure.hint ? without(failure.hint, new Set()) : null;
  return {
    title: failure.title,
    message: failure.message ? without(failure.message, said) : null,
    ...(failure.error !== undefined ? { error: failure.error } : {}),
    ...(failure.errorDescription !== undefined
      ? { errorDescription: failure.errorDescription }
      : {}),
    hint,
  };
}

/**
 * The findings as listed beside the alert: evidence the alert already shows (the server's error
 * and description, the failure's message) is not listed again, nor a sentence of a fix that the
 * alert already says.
 */
export function findingsBesideAlert(
  findings: readonly Finding[],
  failure: Failure | null | undefined,
): Finding[] {
  if (!failure) return [...findings];
  const alert = alertText(failure, findings);
  const said = new Set(
    [alert.title, alert.message ?? '', alert.errorDescription ?? ''].flatMap(sentences).map(key),
  );
  // The server's error and description, and the failure's message when the alert shows it whole
  // (the evidence of a network failure), are on screen already.
  const shown = (e: Evidence) =>
    (e.label === 'error' && e.value === failure.error) ||
    (e.label === 'error_description' && e.value === failure.errorDescription) ||
    (e.value === failure.message && alert.message === failure.message);
  return findings.map((f) => ({
    ...f,
    evidence: f.evidence.filter((e) => !shown(e)),
    fix: without(f.fix, said) ?? f.fix,
  }));
}

/** One thing the diagnosis found: what it is, what shows it, and what to change. */
export interface Finding {
  /** Stable id of the rule, e.g. `api.insufficient-scope`. */
  id: string;
  title: string;
  /** What shows it: a header, a body field, the countdown, a scope list (never a secret). */
  evidence: Evidence[];
  /** What to change, in the platform's words. */
  fix: string;
  severity: 'error' | 'warning' | 'info';
}

export interface Evidence {
  /** Where the evidence comes from. */
  source: 'status' | 'header' | 'body' | 'countdown' | 'scopes' | 'profile' | 'request' | 'network';
  /** Short label, e.g. `WWW-Authenticate` or `error`. */
  label: string;
  value: string;
}

export function evidence(source: Evidence['source'], label: string, value: string): Evidence {
  return { source, label, value };
}

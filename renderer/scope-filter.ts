import type { ScopeGroup } from '../shared/scope-catalog';

/**
 * The catalog narrowed to a search: a group whose name matches keeps all its scopes; otherwise a
 * scope stays when its name, description or details contain every word of the query.
 */
export function filterCatalog(catalog: readonly ScopeGroup[], query: string): ScopeGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...catalog];
  const out: ScopeGroup[] = [];
  for (const group of catalog) {
    const groupText = group.group.toLowerCase();
    if (words.every((w) => groupText.includes(w))) {
      out.push(group);
      continue;
    }
    const scopes = group.scopes.filter((entry) => {
      const text = [groupText, entry.scope, entry.description, entry.details ?? '']
        .join(' ')
        .toLowerCase();
      return words.every((w) => text.includes(w));
    });
    if (scopes.length > 0) out.push({ group: group.group, scopes });
  }
  return out;
}

/** Every scope string in the catalog. */
export function catalogScopes(catalog: readonly ScopeGroup[]): Set<string> {
  return new Set(catalog.flatMap((g) => g.scopes.map((s) => s.scope)));
}

/** `selected` plus `add` (in the order given), without duplicates. */
export function addScopes(selected: readonly string[], add: readonly string[]): string[] {
  const out = [...selected];
  for (const s of add) if (!out.includes(s)) out.push(s);
  return out;
}

export function removeScopes(selected: readonly string[], remove: readonly string[]): string[] {
  const drop = new Set(remove);
  return selected.filter((s) => !drop.has(s));
}

/** Why a custom scope cannot be added, or null when it can. */
export function customScopeProblem(value: string, selected: readonly string[]): string | null {
  const v = value.trim();
  if (!v) return 'Type a scope first';
  if (/\s/.test(v)) return 'A scope cannot contain spaces: add one scope at a time';
  if (!/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(v)) {
    return 'A scope may not contain quotes, backslashes or non-ASCII characters (RFC 6749 §3.3)';
  }
  if (selected.includes(v)) return `${v} is already selected`;
  return null;
}

/**
 * Freezes a plain value and everything in it: what the store's readers hand out from memory to
 * every caller, so that no caller can change another's copy (a change throws in strict mode).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

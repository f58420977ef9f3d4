import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The store sits below the services: nothing in it may import them (no import circle). */
describe('store imports', () => {
  it('store modules import only each other and Node', () => {
    const dir = import.meta.dirname;
    const outside: string[] = [];
    for (const name of readdirSync(dir).filter(
      (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'),
    )) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      for (const m of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? '';
        if (!spec.startsWith('./') && !spec.startsWith('node:')) outside.push(`${name}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

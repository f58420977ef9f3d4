import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Our modules the renderer loads from its entry (static and dynamic imports, not type-only). */
function rendererGraph(): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [path.join(root, 'renderer/main.tsx')];
  const statement = /(?:^|\n)\s*(import|export)(\s+type)?\b[^;'"]*?\bfrom\s+'([^']+)'/g;
  const bare = /(?:^|\n)\s*import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    const specs: string[] = [];
    for (const m of text.matchAll(statement)) if (!m[2]) specs.push(m[3]!);
    for (const m of text.matchAll(bare)) specs.push((m[1] ?? m[2])!);
    for (const spec of specs) {
      if (!spec.startsWith('.')) {
        packages.set(spec, path.relative(root, file));
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const found = ['', '.ts', '.tsx', '/index.ts'].map((x) => base + x).find(existsSync);
      if (found && /\.tsx?$/.test(found)) queue.push(found);
    }
  }
  return { files, packages };
}

describe('what the renderer loads', () => {
  it('loads no zod: validation is the main process job (schemas live in shared/*-schema.ts)', () => {
    const { files, packages } = rendererGraph();
    expect(files.size).toBeGreaterThan(50);
    expect(packages.has('react')).toBe(true);
    expect(packages.get('zod') ?? null).toBeNull();
    const schemaModules = [...files].filter((f) => f.endsWith('-schema.ts'));
    expect(schemaModules.map((f) => path.relative(root, f))).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under dir whose bytes contain needle (as UTF-8), for "no secret on disk" checks. */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (readFileSync(full).includes(Buffer.from(needle, 'utf8'))) hits.push(full);
    }
  };
  walk(dir);
  return hits;
}

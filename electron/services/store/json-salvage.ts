/**
 * Reads as much as possible from damaged JSON: a truncated file keeps every complete member of
 * the top-level object and every complete element of its arrays. Never evaluates anything.
 */
export function salvageJson(text: string): Record<string, unknown> {
  const start = text.indexOf('{');
  if (start < 0) return {};
  const reader = new Reader(text, start);
  try {
    const value = reader.value(0);
    return isPlainObject(value) ? value : {};
  } catch (err) {
    if (err instanceof Partial && isPlainObject(err.partial)) return err.partial;
    return {};
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Thrown when reading stops: carries what a container had read completely until then. */
class Partial extends Error {
  constructor(readonly partial: unknown) {
    super('partial');
  }
}
class Broken extends Error {}

/** Only the top level and its direct children keep partial content; deeper damage drops the element. */
const PARTIAL_DEPTH = 1;

class Reader {
  constructor(
    private readonly s: string,
    private i: number,
  ) {}

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] ?? '')) this.i++;
  }

  value(depth: number): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(
      this.s.slice(this.i, this.i + 64),
    );
    if (!m) throw new Broken();
    this.i += m[0].length;
    return JSON.parse(m[0]) as unknown;
  }

  private string(): string {
    // eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
    const m = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(
      this.s.slice(this.i),
    );
    if (!m) throw new Broken();
    this.i += m[0].length;
    return JSON.parse(m[0]) as string;
  }

  private object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    try {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      for (;;) {
        this.ws();
        const key = this.string();
        this.ws();
        if (this.s[this.i] !== ':') throw new Broken();
        this.i++;
        let v: unknown;
        try {
          v = this.value(depth + 1);
        } catch (err) {
          if (err instanceof Partial && depth < PARTIAL_DEPTH) out[key] = err.partial;
          throw new Partial(out);
        }
        if (key !== '__proto__') out[key] = v;
        this.ws();
        const c = this.s[this.i++];
        if (c === '}') return out;
        if (c !== ',') throw new Broken();
      }
    } catch (err) {
      if (err instanceof Partial) throw err;
      throw new Partial(out);
    }
  }

  private array(depth: number): unknown[] {
    const out: unknown[] = [];
    this.i++;
    try {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      for (;;) {
        out.push(this.value(depth + 1));
        this.ws();
        const c = this.s[this.i++];
        if (c === ']') return out;
        if (c !== ',') throw new Broken();
      }
    } catch {
      throw new Partial(out);
    }
  }
}

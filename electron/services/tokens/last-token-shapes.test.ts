import { describe, expect, it } from 'vitest';
import { LastTokenShapes } from './last-token-shapes';

const profile = (id: string) =>
  ({
    id,
    clientId: 'c',
    authMethod: 'client_secret_basic',
    basicEncoding: 'rfc6749',
    paramsAs: 'form',
  }) as const;
const url = 'https://t.example/oauth2/token';

describe('LastTokenShapes secret tags', () => {
  it('tags a secret the same way each time, and another secret differently', () => {
    const shapes = new LastTokenShapes();
    const tag = (id: string, secret: string) =>
      shapes.shapeOf(profile(id), secret, url, []).secretTag;
    const a = tag('p1', 'first-secret');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tag('p1', 'first-secret')).toBe(a);
    const b = tag('p1', 'second-secret');
    expect(b).not.toBe(a);
    expect(tag('p1', 'first-secret')).toBe(a);
    expect(tag('p2', 'first-secret')).toBe(a);
    expect(tag('p2', 'second-secret')).toBe(b);
  });

  it('holds no tag without a secret on the wire, and never the secret in the shape', () => {
    const shapes = new LastTokenShapes();
    const none = { ...profile('p1'), authMethod: 'none' } as const;
    expect(shapes.shapeOf(none, 'unused-secret', url, []).secretTag).toBeNull();
    expect(shapes.shapeOf(profile('p1'), undefined, url, []).secretTag).toBeNull();
    const shape = shapes.shapeOf(profile('p1'), 'first-secret', url, ['a']);
    expect(JSON.stringify(shape)).not.toContain('first-secret');
  });

  it('tags with a key of its own: another instance tags the same secret differently', () => {
    const one = new LastTokenShapes().shapeOf(profile('p1'), 'first-secret', url, []);
    const two = new LastTokenShapes().shapeOf(profile('p1'), 'first-secret', url, []);
    expect(one.secretTag).not.toBe(two.secretTag);
  });
});

import { describe, expect, it } from 'vitest';
import { composeRequest } from './request-compose';
import {
  VariableError,
  VariableResolver,
  referencedVariables,
  type DynamicSources,
  type ProfileVariable,
} from './variables';
import { profileVariablesSchema } from './variables-schema';

const fixed: DynamicSources = {
  now: () => Date.UTC(2026, 11, 1, 12, 0, 0),
  uuid: () => '00000000-0000-4000-8000-000000000001',
  random: () => 0.5,
};
const v = (name: string, value: string, enabled = true): ProfileVariable => ({
  name,
  value,
  enabled,
});

describe('profile variables', () => {
  it('replaces {{name}} (spaces inside the braces allowed) and records what was used', () => {
    const r = new VariableResolver(
      [v('base', 'https://t.eu-1.celonis.cloud'), v('size', '50')],
      fixed,
    );
    expect(r.resolve('{{base}}/api/external/members?pageSize={{ size }}', 'URL')).toBe(
      'https://t.eu-1.celonis.cloud/api/external/members?pageSize=50',
    );
    expect([...r.used.values()]).toEqual([
      { name: 'base', value: 'https://t.eu-1.celonis.cloud', source: 'profile' },
      { name: 'size', value: '50', source: 'profile' },
    ]);
  });

  it('resolves variables inside values, and names a loop', () => {
    const r = new VariableResolver(
      [v('host', 't.eu-1'), v('base', 'https://{{host}}.celonis.cloud')],
      fixed,
    );
    expect(r.resolve('{{base}}', 'URL')).toBe('https://t.eu-1.celonis.cloud');
    const loop = new VariableResolver([v('a', '{{b}}'), v('b', '{{a}}')], fixed);
    expect(() => loop.resolve('x{{a}}', 'URL')).toThrow(
      'Variable {{a}} refers to itself (a → b → a)',
    );
  });

  it('names an unknown or switched-off variable and the field it is in', () => {
    const r = new VariableResolver([v('off', '1', false)], fixed);
    expect(() => r.resolve('{{missing}}', 'header X-Team')).toThrow(
      "Unknown variable {{missing}} in header X-Team: define it under the profile's Variables",
    );
    try {
      r.resolve('{{off}}', 'body');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VariableError);
      expect((error as VariableError).variable).toBe('off');
    }
  });

  it('supports the dynamic variables Postman users know, one value per request', () => {
    const r = new VariableResolver([], fixed);
    expect(
      r.resolve('{{$guid}} {{$timestamp}} {{$isoTimestamp}} {{$randomInt}} {{$guid}}', 'body'),
    ).toBe(
      '00000000-0000-4000-8000-000000000001 1796126400 2026-12-01T12:00:00.000Z 500 00000000-0000-4000-8000-000000000001',
    );
    expect(() => r.resolve('{{$nope}}', 'URL')).toThrow(
      'Unknown dynamic variable {{$nope}} in URL',
    );
  });

  it('lists references and rejects duplicate or malformed names', () => {
    expect(referencedVariables('{{a}}/{{ b }}/{{a}}/{x}')).toEqual(['a', 'b']);
    const dup = profileVariablesSchema.safeParse([v('a', '1'), v('a', '2')]);
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]?.message).toBe('Variable a is defined twice');
    expect(profileVariablesSchema.safeParse([v('a}', '1')]).success).toBe(false);
    expect(profileVariablesSchema.safeParse([{ name: 'x', value: 'y' }]).data).toEqual([
      v('x', 'y'),
    ]);
  });
});

describe('composing a request', () => {
  const vars = [v('base', 'https://api.example.test'), v('km', 'km-7'), v('team', 'acme')];

  it('resolves variables in URL, headers, path parameters and body, then fills the path', () => {
    const out = composeRequest(
      {
        method: 'POST',
        url: '{{base}}/intelligence/api/knowledge-models/{km}/records?team={{team}}',
        headers: [
          { name: 'X-Team', value: '{{team}}', enabled: true },
          { name: 'X-Off', value: '{{nope}}', enabled: false },
        ],
        body: '{"team":"{{team}}"}',
        pathParams: [{ name: 'km', value: '{{km}}' }],
      },
      vars,
      fixed,
    );
    expect(out).toEqual({
      ok: true,
      url: 'https://api.example.test/intelligence/api/knowledge-models/km-7/records?team=acme',
      headers: [{ name: 'X-Team', value: 'acme', enabled: true }],
      body: '{"team":"acme"}',
      used: [
        { name: 'km', value: 'km-7', source: 'profile' },
        { name: 'base', value: 'https://api.example.test', source: 'profile' },
        { name: 'team', value: 'acme', source: 'profile' },
      ],
    });
  });

  it('says which field holds the problem; GET bodies are not resolved or sent', () => {
    const base = { method: 'GET', url: '/a/{id}', headers: [], body: '{{x}}', pathParams: [] };
    expect(composeRequest(base, vars, fixed)).toMatchObject({ ok: false, field: 'pathParams' });
    const unknown = composeRequest(
      { ...base, url: '/a', headers: [{ name: 'H', value: '{{who}}', enabled: true }] },
      vars,
      fixed,
    );
    expect(unknown).toEqual({
      ok: false,
      field: 'headers',
      message: "Unknown variable {{who}} in header H: define it under the profile's Variables",
    });
    expect(composeRequest({ ...base, url: '/a' }, vars, fixed)).toMatchObject({
      ok: true,
      body: '',
    });
  });
});

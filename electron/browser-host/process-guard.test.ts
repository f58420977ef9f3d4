import { describe, expect, it } from 'vitest';
import { describeEscapedError } from './process-guard';

describe('process guard', () => {
  it('names an escaped error by type and code only, never by its message', () => {
    const err = Object.assign(new Error('token=abc.def secret=s3cr3t'), { code: 'ECONNRESET' });
    expect(describeEscapedError(err)).toBe('Error (ECONNRESET)');
    expect(describeEscapedError(new TypeError('Bearer abc'))).toBe('TypeError');
    expect(describeEscapedError('a string with a secret')).toBe('string');
    expect(describeEscapedError(undefined)).toBe('undefined');
  });
});

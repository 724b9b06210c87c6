import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { name, text } from '../../../shared/contract/common';
import { parseWith } from '../../../shared/http/validation';

const body = z.strictObject({ title: text(10), name });
const parse = (value: unknown) => parseWith(body, value, 'body');

describe('free text in the contract', () => {
  it('stores NFC, trimmed', () => {
    expect(parse({ title: '  Cafe\u0301 ', name: '海宁' })).toEqual({
      success: true,
      data: { title: 'Café', name: '海宁' },
    });
  });

  it('refuses hostile characters with 400 naming the field', () => {
    for (const bad of ['a\u0000b', 'a\ud800', '\u202egnp.exe', 'a\u200bb', 'a\ufffe']) {
      const result = parse({ title: bad, name: 'ok' });
      expect(result).toMatchObject({ success: false, errors: [{ path: 'body.title' }] });
      if (!result.success) expect(result.errors[0]?.message).toMatch(/^Contains /);
    }
  });

  it('limits by characters (code points), not UTF-16 units, and by bytes', () => {
    expect(parse({ title: '😀'.repeat(7), name: 'x' }).success).toBe(true); // 7 chars, 28 bytes ≤ 30
    expect(parse({ title: '😀'.repeat(8), name: 'x' })).toMatchObject({
      success: false,
      errors: [{ path: 'body.title', message: 'Too long: more than 30 bytes of UTF-8.' }],
    });
    expect(parse({ title: '海'.repeat(10), name: 'x' }).success).toBe(true);
    expect(parse({ title: '海'.repeat(11), name: 'x' })).toMatchObject({
      success: false,
      errors: [{ path: 'body.title', message: 'Too long: 11 characters, at most 10.' }],
    });
    expect(parse({ title: '   ', name: 'x' })).toMatchObject({
      success: false,
      errors: [{ path: 'body.title' }],
    });
  });

  it('states the character limit in OpenAPI', () => {
    const schema = z.toJSONSchema(body, { io: 'input' }) as { properties: Record<string, object> };
    expect(schema.properties.title).toMatchObject({ type: 'string', minLength: 1, maxLength: 10 });
    expect(schema.properties.name).toMatchObject({ maxLength: 200 });
  });
});

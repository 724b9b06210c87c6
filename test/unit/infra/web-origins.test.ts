import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_ORIGINS, webOrigins } from '../../../infra/web-origins';

describe('webOrigins', () => {
  it('takes the named origins, as a list or as the JSON string -c passes', () => {
    expect(webOrigins('prod', ['https://qinqing.example.gov.cn'])).toEqual([
      'https://qinqing.example.gov.cn',
    ]);
    expect(webOrigins('prod', '["https://a.example.cn:8443"]')).toEqual(['https://a.example.cn:8443']);
  });

  it('defaults to the development servers outside prod, and refuses to guess for prod', () => {
    expect(webOrigins('test', undefined)).toEqual([...DEVELOPMENT_ORIGINS]);
    expect(() => webOrigins('prod', undefined)).toThrow(/prod stage needs/);
  });

  it.each([['*'], ['http://example.cn'], ['https://a.example.cn/path'], [''], [42]])(
    'refuses %j as an origin',
    (origin) => {
      expect(() => webOrigins('test', [origin])).toThrow(/webOrigins/);
    },
  );

  it('refuses an empty list and text that is not JSON', () => {
    expect(() => webOrigins('test', [])).toThrow(/non-empty/);
    expect(() => webOrigins('test', 'https://a.example.cn')).toThrow(/JSON list/);
  });
});

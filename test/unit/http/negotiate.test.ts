import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/http/errors';
import { negotiateMediaType } from '../../../shared/http/negotiate';

const OFFERED = ['application/json', 'text/html', 'application/pdf'] as const;

describe('negotiateMediaType', () => {
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['text/html', 'text/html'],
    ['application/pdf', 'application/pdf'],
    // A browser's navigation Accept.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
    ['application/pdf;q=0.5, text/html;q=0.9', 'text/html'],
    ['text/*', 'text/html'],
    ['image/png, */*;q=0.1', 'application/json'],
  ])('Accept %s → %s', (accept, expected) => {
    expect(negotiateMediaType(accept, OFFERED)).toBe(expected);
  });

  it.each(['image/png', 'application/json;q=0, text/html;q=0, application/pdf;q=0', 'text/csv'])(
    'refuses %s with 406 NOT_ACCEPTABLE naming what is served',
    (accept) => {
      const refusal = (() => {
        try {
          negotiateMediaType(accept, OFFERED);
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(ApiError);
      expect(refusal).toMatchObject({ statusCode: 406, code: 'NOT_ACCEPTABLE' });
      expect((refusal as ApiError).detail).toContain('application/pdf');
    },
  );
});

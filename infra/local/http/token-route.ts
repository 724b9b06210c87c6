import { badRequest, validationFailed } from '../../../shared/http/errors';
import { parseWith } from '../../../shared/http/validation';
import type { LocalKey } from '../auth/local-key';
import { type TokenRequest, tokenRequest } from '../auth/token-request';
import { issueToken } from '../auth/tokens';
import type { LocalRoute } from '../local-module';

/** `POST /_local/token` `{ role, sub?, enterpriseId?, unitId?, cadreId? }` → `{ token, expiresAt }`. */
export const tokenRoute = (key: LocalKey): LocalRoute => ({
  method: 'POST',
  path: '/_local/token',
  async handle(request) {
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8') || '{}');
    } catch {
      throw badRequest('MALFORMED_JSON', 'The body is not valid JSON.');
    }
    const parsed = parseWith(tokenRequest, body, 'body');
    if (!parsed.success) throw validationFailed(parsed.errors);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await issueToken(key, parsed.data as TokenRequest)),
    };
  },
});

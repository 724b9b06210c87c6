import type { LocalKey } from '../auth/local-key';
import { tokenRequest } from '../auth/token-request';
import { issueToken } from '../auth/tokens';
import type { LocalRoute } from '../local-module';
import { parseJsonBody } from './json-body';

/** `POST /_local/token` `{ role, sub?, enterpriseId?, unitId?, cadreId? }` → `{ token, expiresAt }`. */
export const tokenRoute = (key: LocalKey): LocalRoute => ({
  method: 'POST',
  path: '/_local/token',
  async handle(request) {
    const token = parseJsonBody(request, tokenRequest);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await issueToken(key, token)),
    };
  },
});

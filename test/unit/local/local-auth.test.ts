import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalKey, loadOrCreateLocalKey } from '../../../infra/local/auth/local-key';
import { tokenVerifier } from '../../../infra/local/auth/token-verifier';
import { issueToken, LOCAL_AUDIENCE, LOCAL_ISSUER, verifyToken } from '../../../infra/local/auth/tokens';
import {
  authorize,
  presentClaims,
  rejectedTokenResponse,
  TokenRejected,
} from '../../../infra/local/http/jwt-authorizer';
import { principalFromClaims } from '../../../shared/http/principal';

const localVerifier = () => tokenVerifier({ issuer: LOCAL_ISSUER, audience: [LOCAL_AUDIENCE] }, key);

let dir: string;
let key: LocalKey;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qinqing-local-auth-'));
  key = await loadOrCreateLocalKey(join(dir, 'jwt-key.json'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadOrCreateLocalKey', () => {
  it('creates the key once and keeps it: concurrent and later loads get the same key', async () => {
    const file = join(dir, 'nested', 'key.json');

    const [first, second] = await Promise.all([loadOrCreateLocalKey(file), loadOrCreateLocalKey(file)]);
    const later = await loadOrCreateLocalKey(file);

    expect(second.kid).toBe(first.kid);
    expect(later.kid).toBe(first.kid);
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('privateJwk.d');
  });
});

describe('issueToken', () => {
  it('signs a Cognito-shaped ID token valid for 12 hours', async () => {
    const now = new Date('2026-05-01T08:00:00Z');

    const issued = await issueToken(key, { role: 'enterprise', enterpriseId: 'E1' }, now);

    expect(issued.expiresAt).toBe('2026-05-01T20:00:00.000Z');
    expect(decodeJwt(issued.token)).toEqual({
      sub: 'local-enterprise',
      'cognito:groups': ['enterprise'],
      'custom:enterpriseId': 'E1',
      token_use: 'id',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 12 * 3600,
    });
  });

  it('verifies its own tokens and refuses expired ones', async () => {
    const fresh = await issueToken(key, { role: 'operator', sub: 'op-1' });
    const expired = await issueToken(key, { role: 'operator' }, new Date(Date.now() - 13 * 3600 * 1000));

    await expect(verifyToken(key, fresh.token)).resolves.toMatchObject({ sub: 'op-1' });
    await expect(verifyToken(key, expired.token)).rejects.toThrow();
  });
});

describe('the local JWT authorizer', () => {
  it('presents claims as API Gateway does: arrays flattened, numbers as text', () => {
    expect(
      presentClaims({ 'cognito:groups': ['operator', 'admin'], exp: 1700000000, flag: true, o: { a: 1 } }),
    ).toEqual({ 'cognito:groups': '[operator admin]', exp: '1700000000', flag: 'true', o: '{"a":1}' });
  });

  it('yields claims the pipeline turns into the same principal', async () => {
    const { token } = await issueToken(key, { role: 'cadre', cadreId: 'C9', unitId: 'U2', sub: 's-1' });

    const claims = await authorize(localVerifier(), `Bearer ${token}`);

    expect(principalFromClaims(claims)).toEqual({
      sub: 's-1',
      roles: ['cadre'],
      cadreId: 'C9',
      unitId: 'U2',
      enterpriseId: undefined,
    });
  });

  it.each([
    ['no header', undefined],
    ['an empty bearer', 'Bearer '],
    ['garbage', 'Bearer abc.def.ghi'],
  ])('rejects %s as API Gateway’s authorizer does', async (_, header) => {
    const failure = await authorize(localVerifier(), header).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TokenRejected);
    expect(rejectedTokenResponse(failure as TokenRejected)).toMatchObject({
      statusCode: 401,
      body: '{"message":"Unauthorized"}',
    });
  });
});

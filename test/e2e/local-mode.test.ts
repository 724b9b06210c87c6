import { type CryptoKey, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadOrCreateLocalKey } from '../../infra/local/auth/local-key';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/auth/tokens';
import { dataPaths } from '../../infra/local/paths';
import type { Unit } from '../../shared/contract/units';
import { api, baseUrl, dataDir, type Problem, tokenFor } from '../support/e2e';
import { runFailingStart } from '../support/local-server';

const uniqueCode = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const department = (code: string) => ({
  code,
  name: '海宁市发展和改革局',
  kind: 'department',
  category: 'class1',
});

/** A token with the local claims but whatever signing key, issuer, audience or expiry a test needs. */
const forgeToken = async (
  options: { key?: CryptoKey; claims?: JWTPayload; expiresAt?: number } = {},
): Promise<string> => {
  const key = options.key ?? (await loadOrCreateLocalKey(dataPaths(dataDir()).jwtKey)).privateKey;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    sub: 'forged',
    'cognito:groups': ['operator'],
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat: now,
    exp: options.expiresAt ?? now + 600,
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'ES256' })
    .sign(key);
};

describe('local mode: what API Gateway does in front of the handlers', () => {
  it('serves public routes without a token', async () => {
    const health = await api<{ status: string }>('GET', '/health');
    const openApi = await api<{ openapi: string; paths: Record<string, unknown> }>('GET', '/openapi.json');

    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(openApi.status).toBe(200);
    expect(openApi.body.openapi).toMatch(/^3\./);
    expect(Object.keys(openApi.body.paths)).toContain('/units');
  });

  it.each([
    ['no token', async () => undefined],
    ['a garbled token', async () => 'not.a.jwt'],
    ['an expired token', () => forgeToken({ expiresAt: Math.floor(Date.now() / 1000) - 60 })],
    [
      'a token signed by another key',
      async () => forgeToken({ key: (await generateKeyPair('ES256')).privateKey }),
    ],
    ['a token from another issuer', () => forgeToken({ claims: { iss: 'https://example.com' } })],
    ['a token for another audience', () => forgeToken({ claims: { aud: 'someone-else' } })],
  ])('answers 401 exactly as API Gateway’s JWT authorizer does to %s', async (_, token) => {
    const response = await api<unknown>('GET', '/units', { token: await token() });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).toEqual({ message: 'Unauthorized' });
  });

  it('accepts a token it signed itself, for a forged but valid one too', async () => {
    const response = await api('GET', '/units', { token: await forgeToken() });

    expect(response.status).toBe(200);
  });

  it('issues working 12-hour tokens at POST /_local/token', async () => {
    const issued = await api<{ token: string; expiresAt: string }>('POST', '/_local/token', {
      body: { role: 'operator', sub: 'e2e-operator' },
    });
    const units = await api('GET', '/units', { token: issued.body.token });

    expect(issued.status).toBe(200);
    const hoursLeft = (Date.parse(issued.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    expect(hoursLeft).toBeLessThanOrEqual(12);
    expect(units.status).toBe(200);
  });

  it('refuses a token for an unknown role with 400 VALIDATION_FAILED', async () => {
    const response = await api<Problem>('POST', '/_local/token', { body: { role: 'mayor' } });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors[0]?.path).toBe('body.role');
  });

  it.each([
    ['GET', '/no-such-thing'],
    ['DELETE', '/units'],
    ['GET', '/_local/nothing-here'],
  ])('answers %s %s with 404 ROUTE_NOT_FOUND', async (method, path) => {
    const response = await api<Problem>(method, path, { token: await tokenFor('operator') });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('local mode: handlers behind it, with DynamoDB Local', () => {
  it('lets an operator create a unit and forbids an enterprise', async () => {
    const code = uniqueCode('D');

    const created = await api<Unit>('POST', '/units', {
      token: await tokenFor('operator'),
      body: department(code),
    });
    const refused = await api<Problem>('POST', '/units', {
      token: await tokenFor('enterprise', { enterpriseId: 'E1' }),
      body: department(uniqueCode('D')),
    });
    const read = await api<Unit>('GET', `/units/${created.body.id}`, { token: await tokenFor('leader') });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code, kind: 'department', version: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(read).toMatchObject({ status: 200, body: { id: created.body.id, code } });
  });

  it('replays a repeated Idempotency-Key and creates one record', async () => {
    const token = await tokenFor('operator');
    const code = uniqueCode('T');
    const headers = { 'idempotency-key': `e2e-${code}` };
    const body = { code, name: '硖石街道', kind: 'town' };

    const first = await api<Unit>('POST', '/units', { token, body, headers });
    const replay = await api<Unit>('POST', '/units', { token, body, headers });
    const units = await api<{ items: Unit[] }>('GET', '/units?kind=town&limit=100', { token });

    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(units.body.items.filter((unit) => unit.code === code)).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with a different body with 422', async () => {
    const token = await tokenFor('operator');
    const code = uniqueCode('T');
    const headers = { 'idempotency-key': `e2e-${code}` };

    const first = await api('POST', '/units', {
      token,
      body: { code, name: '许村镇', kind: 'town' },
      headers,
    });
    const changed = await api<Problem>('POST', '/units', {
      token,
      body: { code, name: '长安镇', kind: 'town' },
      headers,
    });

    expect(first.status).toBe(201);
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('local mode: start-up problems the developer can fix', () => {
  it('exits 1 with one line when the port is taken', async () => {
    const takenPort = new URL(baseUrl()).port;

    const run = await runFailingStart(['--data-dir', dataDir()], { PORT: takenPort });

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `npm start: Port ${takenPort} is already in use; stop what runs there or start with PORT=<other port>\n`,
    );
  });

  it('exits 1 with one line when Java cannot be run', async () => {
    const run = await runFailingStart(['--data-dir', dataDir()], { JAVA_HOME: '/nonexistent-jdk' });

    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^npm start: DynamoDB Local needs Java 17\+, but ".*" cannot be run: install/),
    ]);
  });
});

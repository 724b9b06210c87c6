import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateLocalKey } from '../../../infra/local/auth/local-key';
import { tokenVerifier } from '../../../infra/local/auth/token-verifier';
import { authorize } from '../../../infra/local/http/jwt-authorizer';
import { claimsMapping } from '../../../shared/http/claims-mapping';
import { principalFromClaims } from '../../../shared/http/principal';

/**
 * A stand-in for the city's identity provider (a Keycloak realm, say): an OpenID discovery document
 * and a JWKS over real HTTP, tokens signed with its own RS256 key and its own claim names.
 */
let server: Server;
let issuer: string;
let sign: (claims: Record<string, unknown>, audience?: string) => Promise<string>;
beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'realm-key', alg: 'RS256', use: 'sig' };
  server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/realms/haining/.well-known/openid-configuration') {
      response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
    } else if (request.url === '/realms/haining/protocol/openid-connect/certs') {
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/haining`;
  sign = (claims, audience = 'qinqing') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'realm-key' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('zhang.wei')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Unused for an external issuer, but the verifier is built the way local mode builds it.
const localKey = () => loadOrCreateLocalKey(join(tmpdir(), 'qinqing-external-issuer-key.json'));

describe('a token from an external OpenID Connect issuer, through local mode’s authorizer', () => {
  it('is verified against the issuer’s JWKS and read with the deployment’s claims mapping', async () => {
    const verify = tokenVerifier({ issuer, audience: ['qinqing'] }, await localKey());
    const token = await sign({ roles: ['department', 'offline_access'], unit: 'U-7' });

    const claims = await authorize(verify, `Bearer ${token}`);
    const principal = principalFromClaims(claims, claimsMapping({ role: 'roles', unitId: 'unit' }));

    expect(principal).toEqual({
      sub: 'zhang.wei',
      roles: ['department'],
      unitId: 'U-7',
      enterpriseId: undefined,
      cadreId: undefined,
    });
  });

  it('is refused when issued to another audience', async () => {
    const verify = tokenVerifier({ issuer, audience: ['qinqing'] }, await localKey());
    const token = await sign({ roles: ['admin'] }, 'another-app');

    await expect(authorize(verify, `Bearer ${token}`)).rejects.toThrow('Unauthorized');
  });
});

describe('claimsMapping', () => {
  it('keeps today’s claims by default and refuses unknown entries or malformed names', () => {
    expect(claimsMapping()).toEqual({
      role: 'cognito:groups',
      enterpriseId: 'custom:enterpriseId',
      unitId: 'custom:unitId',
      cadreId: 'custom:cadreId',
    });
    expect(claimsMapping('{"role":"roles"}').role).toBe('roles');
    expect(() => claimsMapping({ tenant: 'x' })).toThrow(/Unknown claims mapping entry "tenant"/);
    expect(() => claimsMapping({ role: 'has space' })).toThrow(/claim name/);
  });
});

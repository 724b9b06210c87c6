import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { LocalKey } from './local-key';
import { LOCAL_ISSUER, verifyToken } from './tokens';

/** What the template's JWT authorizer trusts: its issuer and audience(s). */
export interface TrustedIssuer {
  issuer: string;
  audience: string[];
}

/** Checks a token as the HTTP API's JWT authorizer would; throws when any check fails. */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/**
 * Local tokens (`npm run token`, `POST /_local/token`) are checked against the local key. Another
 * issuer's tokens are checked as API Gateway does: keys from the `jwks_uri` of the issuer's OpenID
 * discovery document, then issuer, audience and expiry. So a real identity provider's tokens can be
 * tried against local mode before anything is deployed (README, "Connecting an identity provider").
 */
export const tokenVerifier = (trusted: TrustedIssuer, key: LocalKey): TokenVerifier => {
  if (trusted.issuer === LOCAL_ISSUER) return (token) => verifyToken(key, token);
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const remoteKeys = async () => {
    if (keys) return keys;
    const discovery = `${trusted.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(discovery);
    if (!response.ok) throw new Error(`${discovery} answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
    if (!jwksUri) throw new Error(`${discovery} names no jwks_uri`);
    keys = createRemoteJWKSet(new URL(jwksUri));
    return keys;
  };
  return async (token) =>
    (
      await jwtVerify(token, await remoteKeys(), {
        issuer: trusted.issuer,
        audience: trusted.audience,
      })
    ).payload;
};

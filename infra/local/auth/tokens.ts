import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { LOCAL_JWT_ALGORITHM, type LocalKey } from './local-key';
import type { TokenRequest } from './token-request';

/** Fixed, not derived from the port: a token stays valid whichever port the server runs on. */
export const LOCAL_ISSUER = 'http://localhost:3000/_local';
export const LOCAL_AUDIENCE = 'qinqing-local';
const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

/** A Cognito-shaped ID token: the claims the API reads, signed by the local key. */
export const issueToken = async (
  key: LocalKey,
  request: TokenRequest,
  now = new Date(),
): Promise<IssuedToken> => {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + TOKEN_LIFETIME_SECONDS;
  const scope = {
    ...(request.enterpriseId ? { 'custom:enterpriseId': request.enterpriseId } : {}),
    ...(request.unitId ? { 'custom:unitId': request.unitId } : {}),
    ...(request.cadreId ? { 'custom:cadreId': request.cadreId } : {}),
  };
  const token = await new SignJWT({ 'cognito:groups': [request.role], token_use: 'id', ...scope })
    .setProtectedHeader({ alg: LOCAL_JWT_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(request.sub ?? `local-${request.role}`)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key.privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
};

/** The checks API Gateway's JWT authorizer makes: signature, issuer, audience, expiry. Throws when any fails. */
export const verifyToken = async (key: LocalKey, token: string): Promise<JWTPayload> => {
  const { payload } = await jwtVerify(token, key.publicKey, {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    algorithms: [LOCAL_JWT_ALGORITHM],
  });
  return payload;
};

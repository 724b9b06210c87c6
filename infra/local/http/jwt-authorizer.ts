import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { TokenVerifier } from '../auth/token-verifier';

export type PresentedClaims = Record<string, string>;

/** The JWT authorizer turned the request away before any function ran. */
export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';

  constructor(
    /** The `WWW-Authenticate` challenge: bare for a missing token, `invalid_token` for a bad one. */
    readonly challenge: string,
  ) {
    super('Unauthorized');
  }
}

/**
 * API Gateway's own answer to a rejected token, which no function can change: a 401 with exactly
 * `{"message":"Unauthorized"}` as application/json. Local mode answers the same, so no client is
 * surprised in production (API.md, Conventions).
 */
export const rejectedTokenResponse = ({ challenge }: TokenRejected): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 401,
  headers: { 'content-type': 'application/json', 'www-authenticate': challenge },
  body: JSON.stringify({ message: 'Unauthorized' }),
});

/**
 * API Gateway hands a JWT authorizer's claims to the function as strings: arrays become "[a b]",
 * numbers and booleans their text, objects their JSON. Handlers must cope with exactly that.
 */
export const presentClaims = (payload: Record<string, unknown>): PresentedClaims =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => {
      if (Array.isArray(value)) return [name, `[${value.join(' ')}]`];
      if (typeof value === 'object' && value !== null) return [name, JSON.stringify(value)];
      return [name, String(value)];
    }),
  );

/** Like the HTTP API JWT authorizer: the token comes from Authorization, with or without "Bearer ". */
export const authorize = async (
  verify: TokenVerifier,
  authorization: string | undefined,
): Promise<PresentedClaims> => {
  const token = authorization?.replace(/^Bearer\s+/i, '').trim();
  if (!token) throw new TokenRejected('Bearer');
  try {
    return presentClaims(await verify(token));
  } catch {
    throw new TokenRejected('Bearer error="invalid_token"');
  }
};

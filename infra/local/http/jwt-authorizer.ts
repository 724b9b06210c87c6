import { unauthorized } from '../../../shared/http/errors';
import type { LocalKey } from '../auth/local-key';
import { verifyToken } from '../auth/tokens';

export type PresentedClaims = Record<string, string>;

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
  key: LocalKey,
  authorization: string | undefined,
): Promise<PresentedClaims> => {
  const token = authorization?.replace(/^Bearer\s+/i, '').trim();
  if (!token) throw unauthorized();
  try {
    return presentClaims(await verifyToken(key, token));
  } catch {
    throw unauthorized('The bearer token is invalid or has expired.');
  }
};

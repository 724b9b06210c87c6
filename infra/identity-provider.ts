import { type ClaimsMapping, claimsMapping } from '../shared/http/claims-mapping';

/**
 * Who issues the tokens the API trusts. `oidc`: any OpenID Connect issuer, named on the command line
 * (`-c oidcIssuer=https://… -c oidcAudience=client-id[,another]`, optionally `-c 'oidcClaims={"role":"roles"}'`);
 * the HTTP API's JWT authorizer fetches its keys from the issuer's discovery document. `cognito`: the
 * program's own user pool, the default where Cognito user pools exist (global regions only).
 */
export type IdentityProvider =
  | { kind: 'oidc'; issuer: string; audience: string[]; claims: ClaimsMapping }
  | { kind: 'cognito'; claims: ClaimsMapping; callbackUrls: string[] };

const HTTPS_URL = /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/;

const list = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value.map(String)
      : [];

/**
 * Checked once in the composition root. China has no Cognito user pools (and API Gateway there no
 * Cognito authorizer), so a China target without an issuer fails synth saying what to pass.
 */
export const identityProvider = (
  context: (key: string) => unknown,
  target: { china: boolean; region?: string },
): IdentityProvider => {
  const claims = claimsMapping(context('oidcClaims') ?? {});
  const issuer = context('oidcIssuer');
  if (issuer === undefined || issuer === '') {
    if (target.china) {
      throw new Error(
        `Cognito user pools are not available in ${target.region}: pass the city's OpenID Connect issuer with -c oidcIssuer=https://… -c oidcAudience=<client id> (docs/deploy.md)`,
      );
    }
    const callbackUrls = list(context('cognitoCallbackUrls'));
    for (const url of callbackUrls) {
      if (!HTTPS_URL.test(url))
        throw new Error(`cognitoCallbackUrls: ${JSON.stringify(url)} is not an https URL`);
    }
    return { kind: 'cognito', claims, callbackUrls };
  }
  // Local mode's own issuer is plain http on localhost; a deployed API trusts https issuers only.
  if (typeof issuer !== 'string' || !(HTTPS_URL.test(issuer) || issuer.startsWith('http://localhost'))) {
    throw new Error(
      `oidcIssuer must be the issuer's https URL (its "iss" claim), got ${JSON.stringify(issuer)}`,
    );
  }
  const audience = list(context('oidcAudience'));
  if (audience.length === 0) {
    throw new Error(
      'oidcAudience is required with oidcIssuer: the client id(s) the tokens are issued to ("aud")',
    );
  }
  return { kind: 'oidc', issuer, audience, claims };
};

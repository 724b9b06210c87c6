/**
 * The origins of the program's web clients, which may upload to and download from the attachments
 * bucket with a signed URL from a browser (its CORS rule). Named per deployment by the `webOrigins`
 * context value (cdk.json or `-c webOrigins='["https://qinqing.haining.gov.cn"]'`): a URL leaked to
 * another site then cannot be used from a page there. Production must name its origins; other stages
 * default to the local development servers.
 */
export const DEVELOPMENT_ORIGINS = ['http://localhost:3000', 'http://localhost:5173'] as const;

/** An origin as browsers send it: https with a host (and port), or http on localhost. No path, no wildcard. */
const ORIGIN = /^(?:https:\/\/[a-z0-9.-]+|http:\/\/(?:localhost|127\.0\.0\.1))(?::\d{1,5})?$/;

export const webOrigins = (stage: string, value: unknown): string[] => {
  const parsed = typeof value === 'string' ? parseList(value) : value;
  if (parsed === undefined) {
    if (stage === 'prod') {
      throw new Error('The prod stage needs its web client origins: -c webOrigins=\'["https://…"]\'');
    }
    return [...DEVELOPMENT_ORIGINS];
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new Error(`webOrigins must be a non-empty list of origins, got ${JSON.stringify(value)}`);
  }
  for (const origin of parsed) {
    if (typeof origin !== 'string' || !ORIGIN.test(origin)) {
      throw new Error(
        `webOrigins: ${JSON.stringify(origin)} is not an origin (https://host[:port], or http://localhost[:port])`,
      );
    }
  }
  return parsed as string[];
};

/** `-c` passes context as a string: a JSON list there. */
const parseList = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    throw new Error(`webOrigins must be a JSON list of origins, got ${value}`);
  }
};

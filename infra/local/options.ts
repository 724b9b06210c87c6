import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalModeError } from './local-mode-error';
import { DEFAULT_DATA_DIR } from './paths';
import type { LocalIdentity } from './template/synth';

export interface StartOptions {
  port: number;
  dataDir: string;
  /** Deletes the stored data (not the signing key) before starting. */
  fresh: boolean;
  /** Unset: any free port, so several instances (and test runs) never collide. */
  dynamoDbPort?: number;
  /** Unset: local tokens. Set: a real OpenID Connect issuer's tokens, read with its claims mapping. */
  identity?: LocalIdentity;
  /**
   * LEDGER_DAY_INDEX_UNTIL, for data kept from before the ledger's by-year index: handed to the
   * synthesized app as a deployment's `-c ledgerDayIndexUntil` is (infra/ledger-day-index.ts).
   */
  ledgerDayIndexUntil?: string;
}

const DEFAULT_PORT = 3000;

const portNumber = (value: string, what: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new LocalModeError(`${what} must be a port number (1–65535), not "${value}"`);
  }
  return port;
};

/**
 * `npm start -- [--fresh] [--data-dir DIR] [--port N] [--dynamodb-port N]`; PORT works as well as
 * --port, and LEDGER_DAY_INDEX_UNTIL is passed on when set.
 */
export const parseStartOptions = (argv: readonly string[], env: NodeJS.ProcessEnv): StartOptions => {
  let values: {
    fresh?: boolean;
    'data-dir'?: string;
    port?: string;
    'dynamodb-port'?: string;
    'oidc-issuer'?: string;
    'oidc-audience'?: string;
    'oidc-claims'?: string;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        fresh: { type: 'boolean' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'dynamodb-port': { type: 'string' },
        'oidc-issuer': { type: 'string' },
        'oidc-audience': { type: 'string' },
        'oidc-claims': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new LocalModeError(
      `${(error as Error).message}; usage: npm start -- [--fresh] [--data-dir DIR] [--port N] [--dynamodb-port N] [--oidc-issuer URL --oidc-audience ID [--oidc-claims JSON]]`,
    );
  }
  const port = values.port ?? env.PORT;
  const dynamoDbPort = values['dynamodb-port'];
  const issuer = values['oidc-issuer'];
  const audience = values['oidc-audience'];
  if ((issuer === undefined) !== (audience === undefined)) {
    throw new LocalModeError('--oidc-issuer and --oidc-audience go together');
  }
  const claims = values['oidc-claims'];
  return {
    port: port === undefined ? DEFAULT_PORT : portNumber(port, values.port ? '--port' : 'PORT'),
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : DEFAULT_DATA_DIR,
    fresh: values.fresh ?? false,
    ...(dynamoDbPort === undefined ? {} : { dynamoDbPort: portNumber(dynamoDbPort, '--dynamodb-port') }),
    ...(env.LEDGER_DAY_INDEX_UNTIL ? { ledgerDayIndexUntil: env.LEDGER_DAY_INDEX_UNTIL } : {}),
    ...(issuer && audience
      ? {
          identity: { oidcIssuer: issuer, oidcAudience: audience, ...(claims ? { oidcClaims: claims } : {}) },
        }
      : {}),
  };
};

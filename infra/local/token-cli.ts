/**
 * `npm run token -- --role <role> [--enterprise ID] [--unit ID] [--cadre ID] [--sub S] [--data-dir DIR]`
 * prints a token the local server accepts, and nothing else, so `TOKEN=$(npm run -s token -- --role
 * operator)` works. It signs with the key in the data directory: no running server is needed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES } from '../../shared/domain/roles';
import { parseWith } from '../../shared/http/validation';
import { loadOrCreateLocalKey } from './auth/local-key';
import { type TokenRequest, tokenRequest } from './auth/token-request';
import { issueToken } from './auth/tokens';
import { DEFAULT_DATA_DIR, dataPaths } from './paths';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> [--enterprise ID] [--unit ID] [--cadre ID] [--sub S] [--data-dir DIR]`;

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
};

const readArguments = () => {
  try {
    return parseArgs({
      options: {
        role: { type: 'string' },
        enterprise: { type: 'string' },
        unit: { type: 'string' },
        cadre: { type: 'string' },
        sub: { type: 'string' },
        'data-dir': { type: 'string' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
};

const args = readArguments();
const parsed = parseWith(
  tokenRequest,
  { role: args.role, sub: args.sub, enterpriseId: args.enterprise, unitId: args.unit, cadreId: args.cadre },
  'token',
);
if (!parsed.success) {
  fail(parsed.errors.map((error) => `${error.path.replace(/^token\./, '--')}: ${error.message}`).join('; '));
} else {
  const dataDir = args['data-dir'] ? resolve(args['data-dir']) : DEFAULT_DATA_DIR;
  const key = await loadOrCreateLocalKey(dataPaths(dataDir).jwtKey);
  const { token } = await issueToken(key, parsed.data as TokenRequest);
  console.log(token);
}

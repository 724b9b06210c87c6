import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Function entries in the template are repo-relative; so is the default data directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_DATA_DIR = join(repoRoot, '.local');

/** What local mode keeps between runs, inside one data directory. */
export const dataPaths = (dataDir: string) => ({
  jwtKey: join(dataDir, 'jwt-key.json'),
  dynamodb: join(dataDir, 'dynamodb'),
  deadLetters: join(dataDir, 'dead-letters'),
  s3: join(dataDir, 's3'),
});

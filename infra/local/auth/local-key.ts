import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const LOCAL_JWT_ALGORITHM = 'ES256';

/** The key pair local tokens are signed with. */
export interface LocalKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const load = async (stored: StoredKey): Promise<LocalKey> => ({
  kid: stored.kid,
  privateKey: (await importJWK(stored.privateJwk, LOCAL_JWT_ALGORITHM)) as CryptoKey,
  publicKey: (await importJWK(stored.publicJwk, LOCAL_JWT_ALGORITHM)) as CryptoKey,
});

const generate = async (): Promise<StoredKey> => {
  const { privateKey, publicKey } = await generateKeyPair(LOCAL_JWT_ALGORITHM, { extractable: true });
  return {
    kid: `local-${Date.now().toString(36)}`,
    privateJwk: await exportJWK(privateKey),
    publicJwk: await exportJWK(publicKey),
  };
};

/**
 * Reads the key file, creating it on first use. Kept on disk so that tokens survive restarts and
 * `npm run token` works without a running server. Created exclusively (`wx`): when the server and the
 * token CLI race on a fresh directory, one key wins and both use it.
 */
export const loadOrCreateLocalKey = async (file: string): Promise<LocalKey> => {
  try {
    return await load(JSON.parse(await readFile(file, 'utf8')) as StoredKey);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  const stored = await generate();
  try {
    await writeFile(file, JSON.stringify(stored, null, 2), { flag: 'wx', mode: 0o600 });
    return await load(stored);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return load(JSON.parse(await readFile(file, 'utf8')) as StoredKey);
  }
};

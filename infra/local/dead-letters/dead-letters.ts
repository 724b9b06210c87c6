import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';

/**
 * What local mode gave up delivering: a stream record its function kept failing on, or a scheduled
 * event whose job kept failing. On AWS these land in the on-failure queues (SQS); locally they are
 * kept here, listed at `/_local/dead-letters` and redriven from there, so nothing is only a log line.
 */
export interface DeadLetter {
  id: string;
  source: 'stream' | 'schedule' | 'event-rule';
  /** The event source mapping or rule that gave up. */
  origin: string;
  functionLogicalId: string;
  /** The event, exactly as the function is invoked with it again on a redrive. */
  event: unknown;
  error: string;
  attempts: number;
  failedAt: string;
}

export type NewDeadLetter = Omit<DeadLetter, 'id' | 'failedAt'>;

export interface DeadLetterSink {
  add(letter: NewDeadLetter): Promise<DeadLetter>;
}

export interface DeadLetters extends DeadLetterSink {
  list(): Promise<DeadLetter[]>;
  get(id: string): Promise<DeadLetter | undefined>;
  /** Records a failed redrive on the letter, which stays. */
  update(letter: DeadLetter): Promise<void>;
  remove(id: string): Promise<void>;
}

const nextId = monotonicFactory();
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Kept in memory: for the workflow tests, which run the streams without a data directory. */
export const memoryDeadLetters = (): DeadLetters => {
  const letters = new Map<string, DeadLetter>();
  return {
    add: async (letter) => {
      const stored = { id: nextId(), ...letter, failedAt: new Date().toISOString() };
      letters.set(stored.id, stored);
      return stored;
    },
    list: async () => [...letters.values()],
    get: async (id) => letters.get(id),
    update: async (letter) => void letters.set(letter.id, letter),
    remove: async (id) => void letters.delete(id),
  };
};

/** One JSON file a letter in the data directory, so they outlive a restart as a queue's messages do. */
export const fileDeadLetters = async (directory: string): Promise<DeadLetters> => {
  await mkdir(directory, { recursive: true });
  const path = (id: string) => join(directory, `${id}.json`);
  const write = async (letter: DeadLetter) => {
    // Written whole or not at all: a crash mid-write leaves no half letter behind.
    const partial = `${path(letter.id)}.partial`;
    await writeFile(partial, JSON.stringify(letter, null, 2));
    await rename(partial, path(letter.id));
  };
  const get = async (id: string): Promise<DeadLetter | undefined> => {
    if (!ID.test(id)) return undefined;
    try {
      return JSON.parse(await readFile(path(id), 'utf8')) as DeadLetter;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  return {
    add: async (letter) => {
      const stored = { id: nextId(), ...letter, failedAt: new Date().toISOString() };
      await write(stored);
      return stored;
    },
    list: async () => {
      const ids = (await readdir(directory))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
        .sort();
      const letters = await Promise.all(ids.map(get));
      return letters.filter((letter) => letter !== undefined);
    },
    get,
    update: write,
    remove: (id) => rm(path(id), { force: true }),
  };
};

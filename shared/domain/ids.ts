import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Server-generated ids: ULIDs, so they sort by creation. */
export const newId = (): string => nextUlid();

export const nowIso = (): string => new Date().toISOString();

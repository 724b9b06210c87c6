import { InputRejected } from '../domain/errors';
import { KEY_ATTRIBUTES } from './keys';

export const invalidCursor = () =>
  new InputRejected('INVALID_CURSOR', 'The cursor is not one this API issued.');

/** Opaque list cursors: the base64url of DynamoDB's LastEvaluatedKey, checked on the way back in. */
export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | null =>
  lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;

export const decodeCursor = (cursor: string | undefined): Record<string, string> | undefined => {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      parsed &&
      typeof parsed === 'object' &&
      !Array.isArray(parsed) &&
      Object.entries(parsed).every(([k, v]) => KEY_ATTRIBUTES.includes(k) && typeof v === 'string')
    ) {
      return parsed as Record<string, string>;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
};

/**
 * Where a list that reads several index partitions one after another stands: the partition, and the
 * cursor within it (that partition's own cursor, checked when it is used; null at its start).
 */
export interface PartitionsPosition {
  partition: number;
  cursor: string | null;
}

export const encodePartitionsCursor = (position: PartitionsPosition): string =>
  Buffer.from(JSON.stringify([position.partition, position.cursor]), 'utf8').toString('base64url');

export const decodePartitionsCursor = (
  cursor: string | undefined,
  partitions: number,
): PartitionsPosition => {
  if (cursor === undefined) return { partition: 0, cursor: null };
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [partition, inner] = parsed as unknown[];
      if (
        Number.isInteger(partition) &&
        (partition as number) >= 0 &&
        (partition as number) < partitions &&
        (inner === null || typeof inner === 'string')
      ) {
        return { partition: partition as number, cursor: inner };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
};

import { invalidCursor } from './cursor';

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

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

import * as z from 'zod/mini';

/** PATCH bodies: every field is optional, but an empty patch is almost certainly a client bug. */
export const notEmptyPatch = z.refine<object>((patch) => Object.keys(patch).length > 0, {
  message: 'Send at least one field to change',
});

import * as z from 'zod/mini';

/**
 * An array whose entries must not repeat: a member, tag or skill listed twice is a client mistake,
 * and storing it would make every later comparison count it twice.
 */
export const distinctList = <T extends z.core.$ZodType>(
  item: T,
  max: number,
  what: string,
  keyOf: (value: z.output<T>) => string = (value) => JSON.stringify(value),
) =>
  z.array(item).check(
    z.maxLength(max),
    z.refine((values) => new Set(values.map(keyOf)).size === values.length, {
      message: `${what} must not repeat`,
    }),
  );

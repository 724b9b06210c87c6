import * as z from 'zod/mini';

/** Shared pieces of the API's schemas. */
export const id = z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/));
export const code = z.string().check(z.regex(/^[0-9A-Za-z_.-]{1,32}$/));
export const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const isoDate = z.iso.date();

export const pageQuery = {
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
};

export const booleanQuery = z.pipe(
  z.enum(['true', 'false']),
  z.transform((value) => value === 'true'),
);

export const recordMeta = {
  id,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const pageOf = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export const MASTER_DATA_WRITERS = ['operator', 'admin'] as const;
export const ALL_ROLES = ['enterprise', 'cadre', 'department', 'leader', 'operator', 'admin'] as const;

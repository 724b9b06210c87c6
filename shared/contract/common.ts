import * as z from 'zod/mini';
import { BYTES_PER_CHARACTER, characterCount, textFault, utf8ByteLength } from '../domain/text-hygiene';

/** Shared pieces of the API's schemas. */
export const id = z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/));
export const code = z.string().check(z.regex(/^[0-9A-Za-z_.-]{1,32}$/));
/** zod runs a check only `when` this allows (its typings leave the option out of maxLength's). */
const DECLARED_ONLY = { when: () => false } as unknown as Parameters<typeof z.maxLength>[1];

/**
 * Every free-text field of the API: normalized to NFC and trimmed, then refused (400, naming the
 * field) if empty, holding a character the text-hygiene rule refuses, longer than `max` characters
 * (code points, as OpenAPI's maxLength counts) or longer than `max` × 3 bytes of UTF-8.
 * One place, so that no route stores text the rule refuses (docs/text-hygiene.md).
 */
export const text = (max: number) =>
  z.string().check(
    // Never run (`when`), only declared: OpenAPI states the limit in characters, which zod's own
    // check would count in UTF-16 units; the refinement below counts code points.
    z.maxLength(max, DECLARED_ONLY),
    z.normalize('NFC'),
    z.trim(),
    z.minLength(1),
    // z.check, not z.superRefine: the same issues without the helper superRefine adds (bundle size).
    z.check((context) => {
      const message = textLimitFault(context.value, max);
      if (message) context.issues.push({ code: 'custom', message, input: context.value });
    }),
  );

/** The first thing wrong with trimmed free text limited to `max` characters, if anything. */
const textLimitFault = (value: string, max: number): string | undefined => {
  const characters = characterCount(value);
  return (
    textFault(value) ??
    (characters > max
      ? `Too long: ${characters} characters, at most ${max}.`
      : utf8ByteLength(value) > max * BYTES_PER_CHARACTER
        ? `Too long: more than ${max * BYTES_PER_CHARACTER} bytes of UTF-8.`
        : undefined)
  );
};

export const name = text(200);
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

/**
 * One policy setting read from its environment variable (a stage sets it: infra/stage-config.ts):
 * absent or empty keeps the default; anything but a non-negative number (a whole one where
 * `integer`) throws, naming the variable.
 */
export const nonNegativeSetting = (
  name: string,
  value: string | undefined,
  fallback: number,
  kind: 'integer' | 'number',
): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  const valid = kind === 'integer' ? Number.isInteger(parsed) : Number.isFinite(parsed);
  if (!valid || parsed < 0) throw new Error(`${name} must be a non-negative ${kind}`);
  return parsed;
};

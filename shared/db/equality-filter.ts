import type { IndexQuery } from './queries';

type FilterValue = string | number | boolean;

/**
 * A FilterExpression requiring each given attribute to equal its value (undefined ones are
 * ignored), for the filters an index query's key cannot carry. Undefined when nothing is left.
 */
export const equalityFilter = (
  conditions: Record<string, FilterValue | undefined>,
): IndexQuery['filter'] | undefined => {
  const given = Object.entries(conditions).filter(
    (entry): entry is [string, FilterValue] => entry[1] !== undefined,
  );
  if (given.length === 0) return undefined;
  return {
    expression: given.map((_, i) => `#filter${i} = :filter${i}`).join(' AND '),
    names: Object.fromEntries(given.map(([attribute], i) => [`#filter${i}`, attribute])),
    values: Object.fromEntries(given.map(([, value], i) => [`:filter${i}`, value])),
  };
};

/**
 * `conditions` (as equalityFilter) and, when `prefix` is given, `begins_with` on one attribute: the
 * prefix lookups an index key cannot carry (an enterprise by the start of its name).
 */
export const equalityAndPrefixFilter = (
  conditions: Record<string, FilterValue | undefined>,
  prefix?: { attribute: string; value: string },
): IndexQuery['filter'] | undefined => {
  const equal = equalityFilter(conditions);
  if (!prefix) return equal;
  const begins = 'begins_with(#prefix, :prefix)';
  return {
    expression: equal ? `${equal.expression} AND ${begins}` : begins,
    names: { ...equal?.names, '#prefix': prefix.attribute },
    values: { ...equal?.values, ':prefix': prefix.value },
  };
};

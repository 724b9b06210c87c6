import { LocalModeError } from '../local-mode-error';
import { isRecord } from '../template/types';

/**
 * A Lambda event filter pattern (the JSON of one `FilterCriteria.Filters[].Pattern`). Local mode
 * understands the operators the project uses: equality with a listed value, `exists`, `prefix`; a
 * pattern with any other fails the start rather than letting records through that Lambda would drop.
 */
export type FilterPattern = { [key: string]: FilterPattern | Rule[] };
type Rule = string | number | boolean | null | { exists: boolean } | { prefix: string };

const isRule = (rule: unknown): rule is Rule => {
  if (rule === null || ['string', 'number', 'boolean'].includes(typeof rule)) return true;
  if (!isRecord(rule)) return false;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return false;
  return (
    (keys[0] === 'exists' && typeof rule.exists === 'boolean') ||
    (keys[0] === 'prefix' && typeof rule.prefix === 'string')
  );
};

const checkPattern = (value: unknown, where: string): FilterPattern => {
  if (!isRecord(value)) throw new LocalModeError(`${where}: a filter pattern must be an object`);
  for (const [key, node] of Object.entries(value)) {
    if (Array.isArray(node)) {
      const unsupported = node.find((rule) => !isRule(rule));
      if (unsupported !== undefined) {
        throw new LocalModeError(
          `${where}: ${key}: local mode does not understand the filter rule ${JSON.stringify(unsupported)}`,
        );
      }
    } else {
      checkPattern(node, `${where}: ${key}`);
    }
  }
  return value as FilterPattern;
};

export const parseFilterPattern = (pattern: string, where: string): FilterPattern =>
  checkPattern(JSON.parse(pattern), where);

const matchesRule = (rule: Rule, value: unknown): boolean => {
  if (isRecord(rule)) {
    if ('exists' in rule) return rule.exists === (value !== undefined);
    return typeof value === 'string' && value.startsWith(rule.prefix);
  }
  return value === rule;
};

/**
 * Whether a record matches, as Lambda decides it: every key of the pattern must match; a list of
 * rules matches a leaf when any rule does; a nested pattern descends into the record.
 */
export const matchesPattern = (pattern: FilterPattern, record: unknown): boolean =>
  Object.entries(pattern).every(([key, node]) => {
    const value = isRecord(record) ? record[key] : undefined;
    if (Array.isArray(node)) {
      if (isRecord(value) || Array.isArray(value)) return false;
      return node.some((rule) => matchesRule(rule, value));
    }
    return matchesPattern(node, value);
  });

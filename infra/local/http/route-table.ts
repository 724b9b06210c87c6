import type { RouteDefinition } from '../template/routes';

export interface RouteMatch {
  route: RouteDefinition;
  /** Decoded values of the route's `{name}` and `{name+}` segments. */
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: RouteDefinition;
  method: string;
  pattern: RegExp;
  parameterNames: string[];
  /** API Gateway prefers the most specific route: more literal segments, no greedy tail, an exact method. */
  specificity: number[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compile = (route: RouteDefinition): CompiledRoute => {
  if (route.routeKey === '$default') {
    return { route, method: 'ANY', pattern: /^\/.*$/, parameterNames: [], specificity: [-1, 0, 0] };
  }
  const [method = '', path = ''] = route.routeKey.split(' ');
  const parameterNames: string[] = [];
  let literals = 0;
  let greedy = false;
  const source = path
    .split('/')
    .map((segment) => {
      const parameter = /^\{([^}+]+)(\+?)\}$/.exec(segment);
      if (!parameter) {
        literals += 1;
        return escapeRegExp(segment);
      }
      parameterNames.push(parameter[1] ?? '');
      greedy ||= parameter[2] === '+';
      return parameter[2] === '+' ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return {
    route,
    method,
    pattern: new RegExp(`^${source}$`),
    parameterNames,
    specificity: [greedy ? 0 : 1, literals, method === 'ANY' ? 0 : 1],
  };
};

const compareSpecificity = (a: CompiledRoute, b: CompiledRoute) => {
  for (let i = 0; i < a.specificity.length; i += 1) {
    const difference = (b.specificity[i] ?? 0) - (a.specificity[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
};

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Matches requests to the template's routes the way API Gateway HTTP APIs do. */
export const routeTable = (routes: readonly RouteDefinition[]) => {
  const compiled = routes.map(compile).sort(compareSpecificity);
  return {
    match(method: string, rawPath: string): RouteMatch | undefined {
      for (const candidate of compiled) {
        if (candidate.method !== 'ANY' && candidate.method !== method) continue;
        const found = candidate.pattern.exec(rawPath);
        if (!found) continue;
        const pathParameters = Object.fromEntries(
          candidate.parameterNames.map((name, i) => [name, decode(found[i + 1] ?? '')]),
        );
        return { route: candidate.route, pathParameters };
      }
      return undefined;
    },
  };
};
export type RouteTable = ReturnType<typeof routeTable>;

import type { LocalRoute } from '../local-module';

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** A `/_local` route for a request: literal segments match exactly, `{name}` matches one segment. */
export const matchLocalRoute = (routes: readonly LocalRoute[], method: string, path: string) => {
  const segments = path.split('/');
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (route.method !== method || pattern.length !== segments.length) continue;
    const pathParameters: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      const parameter = /^\{(\w+)\}$/.exec(part)?.[1];
      if (parameter === undefined) return part === segment;
      pathParameters[parameter] = decode(segment);
      return segment !== '';
    });
    if (matches) return { route, pathParameters };
  }
  return undefined;
};

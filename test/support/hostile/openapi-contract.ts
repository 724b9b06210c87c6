import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** One response as a client received it. */
export interface ObservedResponse {
  method: string;
  /** Without the query. */
  path: string;
  status: number;
  contentType: string;
  body: unknown;
  /** By lower-case name; when given, the headers the response documents are checked too. */
  headers?: Record<string, string | undefined>;
}

interface DocumentedHeader {
  required?: boolean;
  schema?: { type?: string };
}

interface Operation {
  responses: Record<
    string,
    { content?: Record<string, { schema?: object }>; headers?: Record<string, DocumentedHeader> }
  >;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/**
 * Checks responses against the served OpenAPI document: the path is one of its paths, the status one
 * the operation documents, the content type one it lists for that status, the body valid against
 * the schema given there (JSON Schema 2020-12, as OpenAPI 3.1 uses); with the response's headers, each
 * header the status documents: present where required, its value valid against its schema.
 */
export const openApiContract = (document: OpenApiDocument) => {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
  // Literal paths before templated ones, fewer parameters first: `/units/mine` before `/units/{id}`.
  const templates = Object.keys(document.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      pattern: new RegExp(
        `^${template
          .split(/\{\w+\}/)
          .map(escapeRegExp)
          .join('[^/]+')}$`,
      ),
    }))
    .sort((a, b) => a.params - b.params);
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();

  const validatorFor = (key: string, schema: object) => {
    let validate = validators.get(key);
    if (!validate) {
      const text = JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/');
      validate = ajv.compile(JSON.parse(text));
      validators.set(key, validate);
    }
    return validate;
  };

  const headerProblemOf = (
    where: string,
    documented: Record<string, DocumentedHeader> = {},
    received: Record<string, string | undefined>,
  ) => {
    for (const [name, header] of Object.entries(documented)) {
      const value = received[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) return `${where}: header ${name} missing`;
        continue;
      }
      if (!header.schema) continue;
      const typed = header.schema.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
      const validate = validatorFor(`${where} header ${name}`, header.schema);
      if (!validate(typed)) return `${where}: header ${name}: ${ajv.errorsText(validate.errors)} (${value})`;
    }
    return undefined;
  };

  return (response: ObservedResponse): string | undefined => {
    // As the client's URL parser sent it: `/a/../b` arrives as `/b`.
    const path = new URL(response.path, 'http://contract.invalid').pathname;
    const found = templates.find(({ pattern }) => pattern.test(path));
    const routeNotFound = (response.body as { code?: string } | undefined)?.code === 'ROUTE_NOT_FOUND';
    // The gateway answers a path of no route with 404, and oversized headers before it routes at all.
    const beforeRouting = (response.status === 404 && routeNotFound) || response.status === 431;
    if (!found) {
      return beforeRouting
        ? undefined
        : `no OpenAPI path for ${path} (${response.status} ${JSON.stringify(response.body).slice(0, 100)})`;
    }
    const operation = document.paths[found.template]?.[response.method.toLowerCase()];
    if (!operation) return beforeRouting ? undefined : `no ${response.method} at ${found.template}`;
    const documented = operation.responses[String(response.status)];
    const where = `${response.method} ${found.template} ${response.status}`;
    if (!documented)
      return `${where}: status not documented (${Object.keys(operation.responses).join(', ')})`;
    const headerProblem = response.headers && headerProblemOf(where, documented.headers, response.headers);
    if (headerProblem) return headerProblem;
    if (!documented.content)
      return response.body === '' ? undefined : `${where}: a body where none is documented`;
    const mediaType = response.contentType.split(';')[0]?.trim() ?? '';
    const content = documented.content[mediaType];
    if (!content)
      return `${where}: ${mediaType} not documented (${Object.keys(documented.content).join(', ')})`;
    if (!content.schema || (mediaType !== 'application/json' && !mediaType.endsWith('+json')))
      return undefined;
    const validate = validatorFor(`${where} ${mediaType}`, content.schema);
    if (validate(response.body)) return undefined;
    return `${where}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(response.body).slice(0, 200)}`;
  };
};

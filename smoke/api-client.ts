export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Api = <T = unknown>(
  method: string,
  path: string,
  options?: RequestOptions,
) => Promise<ApiResponse<T>>;

/** HTTP calls against a running system; JSON (and problem+json) bodies come back parsed. */
export const apiClient =
  (base: () => string): Api =>
  async <T = unknown>(method: string, path: string, { token, body, headers }: RequestOptions = {}) => {
    const json = body !== undefined && typeof body !== 'string';
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: {
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: json ? JSON.stringify(body) : (body as string | undefined),
    });
    const text = await response.text();
    const parsed = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T };
  };

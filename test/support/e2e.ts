import { inject } from 'vitest';
import type { Role } from '../../shared/domain/roles';

/** The e2e server's base URL, e.g. `http://127.0.0.1:41234`. */
export const baseUrl = (): string => inject('e2e').baseUrl;

/** Its data directory: the local signing key lives there, for tests that forge tokens. */
export const dataDir = (): string => inject('e2e').dataDir;

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors: { path: string; message: string }[];
}

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

/** HTTP calls against a local server; JSON (and problem+json) bodies come back parsed. */
export const apiClient =
  (base: () => string) =>
  async <T = unknown>(
    method: string,
    path: string,
    { token, body, headers }: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
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

/** Calls the e2e project's shared server. */
export const api = apiClient(baseUrl);

/** A token for `role` (and scope) from the server's own `POST /_local/token`. */
export const tokenFor = async (
  role: Role,
  scope: { sub?: string; enterpriseId?: string; unitId?: string; cadreId?: string } = {},
): Promise<string> => {
  const response = await api<{ token: string }>('POST', '/_local/token', { body: { role, ...scope } });
  if (response.status !== 200) throw new Error(`POST /_local/token answered ${response.status}`);
  return response.body.token;
};

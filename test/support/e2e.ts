import { inject } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { apiClient, type RequestOptions } from '../../smoke/api-client';
import type { ObservedResponse } from './hostile/openapi-contract';

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

export type { ApiResponse, RequestOptions } from '../../smoke/api-client';

export { apiClient };

/**
 * Every response the e2e tests receive, kept for the contract check that runs after each file
 * (test/support/e2e-contract.ts); local-only routes are not part of the contract.
 */
export const observed: ObservedResponse[] = [];

export const observe = (method: string, url: string, status: number, contentType: string, body: unknown) => {
  const path = url.split('?')[0] ?? url;
  if (!path.startsWith('/_local')) observed.push({ method, path, status, contentType, body });
};

const client = apiClient(baseUrl);

/** Calls the e2e project's shared server. */
export const api: typeof client = async <T = unknown>(
  method: string,
  path: string,
  options?: RequestOptions,
) => {
  const response = await client<T>(method, path, options);
  observe(method, path, response.status, response.headers.get('content-type') ?? '', response.body);
  return response;
};

/** A token for `role` (and scope) from the server's own `POST /_local/token`. */
export const tokenFor = async (
  role: Role,
  scope: { sub?: string; enterpriseId?: string; unitId?: string; cadreId?: string } = {},
): Promise<string> => {
  const response = await api<{ token: string }>('POST', '/_local/token', { body: { role, ...scope } });
  if (response.status !== 200) throw new Error(`POST /_local/token answered ${response.status}`);
  return response.body.token;
};

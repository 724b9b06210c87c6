import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';

export const metaRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    area: 'meta',
    summary: 'Liveness: answers without a token',
    access: 'public',
    roles: [],
    response: z.object({ status: z.literal('ok') }),
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/openapi.json',
    area: 'meta',
    summary: 'This API as an OpenAPI 3.1 document, generated from the route table',
    access: 'public',
    roles: [],
  }),
};

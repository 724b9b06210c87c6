import { metaRoutes } from '../../../shared/contract/meta';
import { apiRoutes } from '../../../shared/contract/routes';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { openApiDocument } from '../../../shared/http/openapi';

let document: ReturnType<typeof openApiDocument> | undefined;

export const routes: Implementations<typeof metaRoutes> = {
  health: async () => ({ body: { status: 'ok' } }),
  // Generated on first use, not at import: it costs a few milliseconds nobody else should pay.
  openApi: async () => {
    document ??= openApiDocument(apiRoutes);
    return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
  },
};

export const handler = apiHandler(metaRoutes, routes);

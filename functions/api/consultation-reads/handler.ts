import { consultationReadRoutes } from '../../../shared/contract/consultation-reads';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { negotiateMediaType } from '../../../shared/http/negotiate';
import { dispatchOrderHtml } from '../../../shared/print/dispatch-order-html';
import { listConsultations } from '../../../shared/usecases/consultations/list-consultations';
import { readConsultation } from '../../../shared/usecases/consultations/read-consultation';
import { readDispatchOrderDocument } from '../../../shared/usecases/dispatch-orders/dispatch-order-document';
import {
  listVisibleDispatchOrders,
  readDispatchOrder,
} from '../../../shared/usecases/dispatch-orders/read-dispatch-orders';

/** The PDF lives in its own function (docs/dispatch-order-documents.md): this one only points to it. */
const ORDER_MEDIA_TYPES = ['application/json', 'text/html', 'application/pdf'] as const;

export const routes: Implementations<typeof consultationReadRoutes> = {
  listConsultations: async ({ query: { from, to, limit, cursor } }) => ({
    body: await listConsultations({ from, to }, { limit, cursor }),
  }),
  getConsultation: async ({ params }) => ({ body: await readConsultation(params.consultationId) }),
  listDispatchOrders: async ({ principal, query }) => ({
    body: await listVisibleDispatchOrders(principal, query),
  }),
  getDispatchOrder: async ({ principal, params, header }) => {
    const mediaType = negotiateMediaType(header('accept'), ORDER_MEDIA_TYPES);
    const vary = { vary: 'Accept' };
    if (mediaType === 'application/pdf') {
      // Relative to /dispatch-orders/{id}, so it holds behind any stage or base path.
      return {
        status: 303,
        headers: { ...vary, location: `${encodeURIComponent(params.dispatchOrderId)}/pdf` },
      };
    }
    if (mediaType === 'text/html') {
      const document = await readDispatchOrderDocument(principal, params.dispatchOrderId);
      return {
        headers: {
          ...vary,
          'content-type': 'text/html; charset=utf-8',
          // Defence in depth behind the escaping: the page runs no script and loads nothing.
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          'x-content-type-options': 'nosniff',
        },
        file: { body: dispatchOrderHtml(document), isBase64Encoded: false },
      };
    }
    return { headers: vary, body: await readDispatchOrder(principal, params.dispatchOrderId) };
  },
};

export const handler = apiHandler(consultationReadRoutes, routes);

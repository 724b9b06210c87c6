import { dispatchOrderPdfRoutes } from '../../../shared/contract/consultation-reads';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { negotiateMediaType } from '../../../shared/http/negotiate';
import { dispatchOrderPdf } from '../../../shared/print/dispatch-order-pdf';
import { readDispatchOrderDocument } from '../../../shared/usecases/dispatch-orders/dispatch-order-document';

export const routes: Implementations<typeof dispatchOrderPdfRoutes> = {
  getDispatchOrderPdf: async ({ principal, params, header }) => {
    negotiateMediaType(header('accept'), ['application/pdf']);
    const document = await readDispatchOrderDocument(principal, params.dispatchOrderId);
    const pdf = await dispatchOrderPdf(document);
    return {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="dispatch-order-${document.number}.pdf"`,
      },
      file: { body: pdf.toString('base64'), isBase64Encoded: true },
    };
  },
};

export const handler = apiHandler(dispatchOrderPdfRoutes, routes);

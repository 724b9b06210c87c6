import { ledgerRoutes } from '../../../shared/contract/reports';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { exportLedger } from '../../../shared/usecases/reports/export-ledger';

export const routes: Implementations<typeof ledgerRoutes> = {
  exportLedger: ({ query, header }) => exportLedger(query, header('accept-encoding')),
};

export const handler = apiHandler(ledgerRoutes, routes);

import type { Issue } from '../../../../shared/domain/issues/issue';
import { GENESIS_HASH } from '../../../../shared/domain/ledger/hash-chain';

export const openIssue = (overrides: Partial<Issue> = {}): Issue => ({
  id: 'I1',
  enterpriseId: 'E1',
  gridId: 'G1',
  townUnitId: 'T1',
  category: 'land',
  title: 'Workers need housing',
  description: '800 workers need dormitories',
  source: 'visit',
  raisedBy: { sub: 'cadre-1', role: 'cadre' },
  status: 'open',
  reReviewCount: 0,
  ledgerHead: { seq: 1, hash: GENESIS_HASH },
  version: 1,
  createdAt: '2026-03-02T01:00:00.000Z',
  updatedAt: '2026-03-02T01:00:00.000Z',
  ...overrides,
});

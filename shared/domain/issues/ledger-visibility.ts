/**
 * Who may read a ledger entry: `public` entries make the enterprise's timeline (what happened to its
 * issue, in plain words); `internal` ones (return reasons, supervision, co-units' parts, follow-up
 * calls, progress notes, unreasonable-demand markings) are for the program's people only. Every entry
 * states its visibility, inside its hash.
 */
export const LEDGER_VISIBILITIES = ['public', 'internal'] as const;
export type LedgerVisibility = (typeof LEDGER_VISIBILITIES)[number];

/** The actions an enterprise is told about; everything else stays internal. */
const PUBLIC_ACTIONS: ReadonlySet<string> = new Set([
  'raised',
  'escalated',
  'dispatched',
  'returned',
  'consultation_requested',
  'consultation_decided',
  'put_on_consultation_agenda',
  'extension_approved',
  'resolved',
  'resolved_on_spot',
  're_review',
  'closed',
  'closed_as_duplicate',
]);

export const visibilityOf = (action: string): LedgerVisibility =>
  PUBLIC_ACTIONS.has(action) ? 'public' : 'internal';

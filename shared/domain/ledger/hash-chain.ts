import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** What a ledger entry states; its hash covers all of it plus the previous entry's hash. */
export interface LedgerFacts {
  issueId: string;
  seq: number;
  at: string;
  actor: { sub: string; role: string };
  action: string;
  fromStatus: string | null;
  toStatus: string;
  data: Record<string, unknown>;
  /**
   * The unit responsible for the issue after the change (before it when the change took the unit
   * away, e.g. a return); absent while no unit has it. Inside the hash: the export filters by it.
   * Entries written before the field existed lack it and still verify.
   */
  unitId?: string;
  /**
   * `public` entries make the enterprise's timeline; `internal` ones are for the program's people
   * (shared/domain/issues/ledger-visibility.ts). Entries written before the field existed lack it.
   */
  visibility?: 'public' | 'internal';
}

export interface LedgerEntry extends LedgerFacts {
  prevHash: string;
  hash: string;
}

export const hashOf = (facts: LedgerFacts, prevHash: string): string =>
  createHash('sha256')
    .update(canonicalJson({ ...facts, prevHash }))
    .digest('hex');

export const chainEntry = (facts: LedgerFacts, prevHash: string): LedgerEntry => ({
  ...facts,
  prevHash,
  hash: hashOf(facts, prevHash),
});

export type ChainVerdict = { valid: true } | { valid: false; seq: number; reason: string };

/** Checks sequence numbers run 1..n without gaps and every hash matches its content and predecessor. */
export const verifyChain = (entries: readonly LedgerEntry[]): ChainVerdict => {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const { prevHash: claimedPrev, hash, ...facts } = entry;
    if (entry.seq !== index + 1) return { valid: false, seq: entry.seq, reason: `expected seq ${index + 1}` };
    if (claimedPrev !== prevHash)
      return { valid: false, seq: entry.seq, reason: 'previous hash does not match' };
    if (hashOf(facts, prevHash) !== hash)
      return { valid: false, seq: entry.seq, reason: 'content does not match hash' };
    prevHash = hash;
  }
  return { valid: true };
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainEntry,
  GENESIS_HASH,
  type LedgerEntry,
  verifyChain,
} from '../../../../shared/domain/ledger/hash-chain';

const buildChain = (actions: string[]): LedgerEntry[] => {
  const entries: LedgerEntry[] = [];
  let prevHash = GENESIS_HASH;
  actions.forEach((action, index) => {
    const entry = chainEntry(
      {
        issueId: 'I1',
        seq: index + 1,
        at: `2026-03-0${(index % 9) + 1}T08:00:00.000Z`,
        actor: { sub: 'u1', role: 'operator' },
        action,
        fromStatus: index === 0 ? null : 'open',
        toStatus: 'open',
        data: { note: `step ${index}` },
      },
      prevHash,
    );
    entries.push(entry);
    prevHash = entry.hash;
  });
  return entries;
};

describe('ledger hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(buildChain(['raised', 'escalated', 'resolved']))).toEqual({ valid: true });
  });

  it('detects a tampered entry by its content', () => {
    const chain = buildChain(['raised', 'escalated', 'resolved']);
    const tampered = chain.map((entry) =>
      entry.seq === 2 ? { ...entry, data: { note: 'rewritten' } } : entry,
    );
    expect(verifyChain(tampered)).toEqual({ valid: false, seq: 2, reason: 'content does not match hash' });
  });

  it('detects a re-hashed entry by its successor', () => {
    const chain = buildChain(['raised', 'escalated', 'resolved']);
    const [first, second, third] = chain as [LedgerEntry, LedgerEntry, LedgerEntry];
    const { hash: _, prevHash, ...facts } = second;
    const forged = chainEntry({ ...facts, action: 'closed' }, prevHash);
    expect(verifyChain([first, forged, third])).toMatchObject({ valid: false, seq: 3 });
  });

  it('detects a removed or reordered entry', () => {
    const chain = buildChain(['raised', 'escalated', 'resolved']);
    expect(verifyChain([chain[0], chain[2]] as LedgerEntry[])).toMatchObject({ valid: false, seq: 3 });
    expect(verifyChain([chain[1], chain[0]] as LedgerEntry[])).toMatchObject({ valid: false });
  });

  it('catches any single changed field anywhere in any chain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('raised', 'escalated', 'dispatched', 'resolved', 'closed'), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 5 }),
        (actions, position, suffix) => {
          const chain = buildChain(actions);
          const index = position % chain.length;
          const victim = chain[index] as LedgerEntry;
          chain[index] = { ...victim, action: `${victim.action}${suffix}` };
          return verifyChain(chain).valid === false;
        },
      ),
    );
  });
});

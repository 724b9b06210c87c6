import { describe, expect, it } from 'vitest';
import { api } from '../support/e2e';

interface SeedReport {
  seconds: number;
  issuesScripted: number;
  issuesLeftAlone: number;
  counts: Record<string, number>;
}

const seed = () => api<SeedReport>('POST', '/_local/seed', { body: { scale: 0.01 } });

describe('demo data (npm run seed → POST /_local/seed)', () => {
  it('loads every kind of record and issues in every status, and a second run changes no count', async () => {
    const first = await seed();
    const second = await seed();

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    for (const status of [
      'open',
      'awaiting_dispatch',
      'assigned',
      'awaiting_consultation',
      'awaiting_feedback',
      'closed',
    ]) {
      expect(first.body.counts[`issues ${status}`]).toBeGreaterThan(0);
    }
    for (const kind of [
      'cadres in pool',
      'residencies active',
      'placements',
      'visits',
      'experts',
      'trainings',
    ]) {
      expect(first.body.counts[kind]).toBeGreaterThan(0);
    }
    expect(first.body.counts.residencies).toBeGreaterThan(first.body.counts['residencies active'] ?? 0);
    expect(second.body.counts).toEqual(first.body.counts);
    expect(second.body.issuesScripted).toBe(0);
    expect(second.body.issuesLeftAlone).toBe(first.body.issuesScripted + first.body.issuesLeftAlone);
  }, 240_000);

  it('refuses a scale outside (0, 1] with a problem naming the field', async () => {
    const { status, body } = await api<{ errors: { path: string }[] }>('POST', '/_local/seed', {
      body: { scale: 2 },
    });

    expect(status).toBe(400);
    expect(body.errors[0]?.path).toBe('body.scale');
  });
});

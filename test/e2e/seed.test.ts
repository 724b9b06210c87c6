import { describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/e2e';

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
      'batches',
      'policies',
      'assessments 2025',
      'grades 2025',
    ]) {
      expect(first.body.counts[kind]).toBeGreaterThan(0);
    }
    expect(first.body.counts.residencies).toBeGreaterThan(first.body.counts['residencies active'] ?? 0);
    expect(second.body.counts).toEqual(first.body.counts);
    expect(second.body.issuesScripted).toBe(0);
    expect(second.body.issuesLeftAlone).toBe(first.body.issuesScripted + first.body.issuesLeftAlone);
  }, 240_000);

  it('staffs the grid teams by the rule with a gap in a seeded class-1 and class-2 department, which a team edit closes', async () => {
    // Prepare: the demo data (a replay when the test above ran), and what the teams hold.
    expect((await seed()).status).toBe(200);
    const operator = await tokenFor('operator');
    const get = async <T>(path: string) => {
      const response = await api<T>('GET', path, { token: operator });
      expect(response.status, path).toBe(200);
      return response.body;
    };
    type Staffing = {
      unitId: string;
      required: number;
      placed: number;
      shortfall: number;
      missing: { cadreId: string }[];
    };
    const departments = (
      await get<{ items: { id: string; category: string }[] }>('/units?kind=department&limit=100')
    ).items;
    const grids = (await get<{ items: { id: string }[] }>('/grids?limit=100')).items;
    const teams = (
      await Promise.all(
        grids.map((grid) =>
          get<{ items: { id: string; gridId: string; version: number; memberCadreIds: string[] }[] }>(
            `/grids/${grid.id}/teams?limit=100`,
          ),
        ),
      )
    ).flatMap((page) => page.items);
    const inTeams = new Set(teams.flatMap((team) => team.memberCadreIds));
    const shortOf = async (category: string) => {
      for (const unit of departments.filter((d) => d.category === category)) {
        const report = await get<Staffing>(`/units/${unit.id}/grid-staffing`);
        if (report.shortfall > 0) return report;
      }
      throw new Error(`No seeded ${category} department is short`);
    };

    // Act
    const class1 = await shortOf('class1');
    const class2 = await shortOf('class2');
    const cadres = (await get<{ items: { id: string }[] }>(`/cadres?unitId=${class1.unitId}&limit=100`))
      .items;
    const fix = class1.missing[0]?.cadreId as string;
    const team = teams[0] as (typeof teams)[number];
    const edit = await api<{ version: number; memberCadreIds: string[] }>(
      'PATCH',
      `/grids/${team.gridId}/teams/${team.id}`,
      {
        token: operator,
        headers: { 'If-Match': `"${team.version}"` },
        body: { addCadreIds: [fix], reason: '全部下沉：补齐一类部门人员' },
      },
    );
    const after = await get<Staffing>(`/units/${class1.unitId}/grid-staffing`);

    // Assess: the missing names are exactly the unit's cadres in no team; the edit places one of them.
    expect(class1.missing.map((m) => m.cadreId).sort()).toEqual(
      cadres
        .map((c) => c.id)
        .filter((id) => !inTeams.has(id))
        .sort(),
    );
    expect(class2.missing.length).toBeGreaterThanOrEqual(class2.shortfall);
    expect(edit.status).toBe(200);
    expect(edit.body.memberCadreIds).toContain(fix);
    expect(after.placed).toBe(class1.placed + 1);
    expect(after.shortfall).toBe(class1.shortfall - 1);
    expect(after.missing.map((m) => m.cadreId)).not.toContain(fix);
  }, 240_000);

  it('refuses a scale outside (0, 1] with a problem naming the field', async () => {
    const { status, body } = await api<{ errors: { path: string }[] }>('POST', '/_local/seed', {
      body: { scale: 2 },
    });

    expect(status).toBe(400);
    expect(body.errors[0]?.path).toBe('body.scale');
  });
});

import { describe, expect, it } from 'vitest';
import { INDUSTRIES, INDUSTRY_IDS } from '../../../shared/domain/industries';
import { SERVICE_CATALOGUE, SERVICE_TYPES } from '../../../shared/domain/service-catalogue';

const SNAKE_CASE = /^[a-z]+(_[a-z]+)*$/;

describe.each([
  { catalogue: 'service types', entries: SERVICE_CATALOGUE, ids: SERVICE_TYPES },
  { catalogue: 'industries', entries: INDUSTRIES, ids: INDUSTRY_IDS },
])('$catalogue', ({ entries, ids }) => {
  it('uses snake_case identifiers, each with its own Chinese label', () => {
    expect(ids.filter((id) => !SNAKE_CASE.test(id))).toEqual([]);
    const labels = Object.values(entries);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.filter((label) => !/\p{Script=Han}/u.test(label))).toEqual([]);
  });
});

describe('service catalogue', () => {
  it('has the 30+ types of the program, including the ones DOMAIN.md names', () => {
    expect(SERVICE_TYPES.length).toBeGreaterThanOrEqual(30);
    expect(SERVICE_CATALOGUE).toMatchObject({
      party_building_guidance: '党建指导',
      project_application: '项目申报',
      shareholding_reform_listing: '股改上市',
      approval_agency: '审批代办',
    });
  });
});

describe('industries', () => {
  it("covers Haining's clusters named by the program and the upgrade plans", () => {
    expect(INDUSTRIES).toMatchObject({
      dyeing: '印染',
      warp_knitting: '经编',
      leather: '皮革',
      hardware: '五金',
    });
    expect(INDUSTRY_IDS).toContain('new_materials');
  });
});

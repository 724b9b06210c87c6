import type { CreationGuard } from '../db/creation-guard';
import { assessmentKeys, indexKeysOf } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord } from '../db/records';
import { Conflict } from '../domain/errors';
import type { AssessmentRecord } from './records/assessments';
import type { ResidencyRecord } from './records/residencies';

/**
 * Assessments (专项考察). Access patterns: a residency's assessment (its partition, sk ASSESSMENT, so
 * one per residency); by year (GSI1); by unit and year (GSI2, sort `year#id`). The seconded-year
 * markers residencies write (GSI3 by year, sort `unitId#cadreId#residencyId`) answer who was seconded
 * in a year, for the excellent quota.
 */
export const alreadyAssessed = () =>
  new Conflict('ALREADY_ASSESSED', 'This residency has already been assessed.');

export const insertAssessment = (assessment: AssessmentRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...assessmentKeys.item(assessment.residencyId),
          ...indexKeysOf(assessment.id, [
            assessmentKeys.byYear(assessment.year),
            assessmentKeys.byUnit(assessment.unitId, assessment.year, assessment.id),
          ]),
          entity: 'assessment',
          ...assessment,
        },
        onTaken: alreadyAssessed,
      },
    ],
    guard,
  );

export const findAssessment = (residencyId: string) =>
  getRecord<AssessmentRecord>(assessmentKeys.item(residencyId));

export const listAssessments = (
  filter: { year: string; unitId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<AssessmentRecord>> =>
  filter.unitId
    ? queryPage<AssessmentRecord>({
        ...assessmentKeys.byUnit(filter.unitId, filter.year),
        sortPrefix: `${filter.year}#`,
        ...page,
      })
    : queryPage<AssessmentRecord>({ ...assessmentKeys.byYear(filter.year), ...page });

const YEAR_LIMIT = 20;

/** The calendar years from the start date's to the planned end date's (at most 20). */
export const yearsSpanned = (startDate: string, endDate: string): string[] => {
  const first = Number(startDate.slice(0, 4));
  const last = Math.min(Number(endDate.slice(0, 4)), first + YEAR_LIMIT - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
};

/** The seconded-year markers a new residency writes beside itself (cadre's unit at creation). */
export const secondedYearItems = (residency: ResidencyRecord, cadreUnitId: string) =>
  yearsSpanned(residency.startDate, residency.endDate).map((year) => ({
    ...assessmentKeys.secondedYear(residency.id, year),
    ...indexKeysOf(residency.id, [
      assessmentKeys.secondedInYear(year, `${cadreUnitId}#${residency.cadreId}#${residency.id}`),
    ]),
    entity: 'secondedYear',
    year,
    unitId: cadreUnitId,
    cadreId: residency.cadreId,
    residencyId: residency.id,
  }));

export interface SecondedMarker {
  year: string;
  unitId: string;
  cadreId: string;
  residencyId: string;
}

/** Who held a residency in the year (one marker per residency), all units or one unit's prefix. */
export const listSecondedInYear = (year: string, unitId?: string): Promise<SecondedMarker[]> =>
  queryAll<SecondedMarker>({
    ...assessmentKeys.secondedInYear(year),
    ...(unitId ? { sortPrefix: `${unitId}#` } : {}),
  });

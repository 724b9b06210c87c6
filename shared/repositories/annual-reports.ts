import type { AnnualReport } from '../contract/appraisals';
import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf } from '../db/keys';
import { annualReportIndexes, annualReportKey } from '../db/people-keys';
import { createRecords, getRecord } from '../db/records';
import { Conflict } from '../domain/errors';

/** Annual reports (述职): one per cadre and year, in the cadre's partition; by year (GSI1). */
export const insertAnnualReport = (report: AnnualReport, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...annualReportKey(report.cadreId, report.year),
          ...indexKeysOf(report.id, [annualReportIndexes.byYear(report.year)]),
          entity: 'annualReport',
          ...report,
        },
        onTaken: () =>
          new Conflict(
            'ANNUAL_REPORT_EXISTS',
            `The cadre has already filed the annual report of ${report.year}.`,
          ),
      },
    ],
    guard,
  );

export const findAnnualReport = (cadreId: string, year: string) =>
  getRecord<AnnualReport>(annualReportKey(cadreId, year));

import type { CreationGuard } from '../db/creation-guard';
import { annualReportKeys, indexKeysOf } from '../db/keys';
import { createRecords, getRecord } from '../db/records';
import { Conflict } from '../domain/errors';
import type { AnnualReportRecord } from './records/appraisals';

/** Annual reports (述职): one per cadre and year, in the cadre's partition; by year (GSI1). */
export const insertAnnualReport = (report: AnnualReportRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...annualReportKeys.item(report.cadreId, report.year),
          ...indexKeysOf(report.id, [annualReportKeys.byYear(report.year)]),
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
  getRecord<AnnualReportRecord>(annualReportKeys.item(cadreId, year));

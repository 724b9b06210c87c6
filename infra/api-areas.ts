import { ACCESS, READS, type TableAccess } from './constructs/bind-table';
import type { PolicyGroup } from './policy-settings';

export interface AreaSettings {
  description: string;
  memorySize: number;
  program?: TableAccess;
  ledger?: TableAccess;
  /** Areas with idempotent creation routes need the idempotency table. */
  idempotency?: boolean;
  /** 10 s unless the area's work is longer (API Gateway gives up after 30 s). */
  timeoutSeconds?: number;
  /**
   * Areas that escalate issues name their executions (`ISSUE_STATE_MACHINE_ARN`). No area calls Step
   * Functions: decisions and starts go to the outbox, which the delivery function sends.
   */
  namesExecutions?: boolean;
  /**
   * Areas that read the ledger by period are granted its indexes (by day and by year) and are told
   * where the by-day index ends (LEDGER_DAY_INDEX_UNTIL, when the stage sets it).
   */
  ledgerByPeriod?: boolean;
  /** The policy settings the area's code reads (infra/policy-settings.ts). */
  policies?: PolicyGroup[];
  /** Signs uploads to and downloads from the attachments bucket (carries the S3 client). */
  attachments?: boolean;
  /**
   * A daily job the area's function runs as well, on an EventBridge rule of its own (a schedule
   * expression, in UTC): for work that needs what only this function carries. Its handler tells the
   * scheduled event from API Gateway's. A function of its own would cost ~14 of the API stack's 500
   * resources; the rule costs 2.
   */
  daily?: { job: string; schedule: string; description: string };
}

/**
 * One Lambda function per resource area of the route table, with least-privilege table access.
 * A route in an area missing here fails synth: a new area is a deliberate decision.
 */
export const AREA_SETTINGS: Record<string, AreaSettings> = {
  meta: { description: 'Health and the OpenAPI document', memorySize: 256 },
  units: {
    description: 'Units (departments and towns)',
    memorySize: 512,
    program: ACCESS.readWrite,
    idempotency: true,
  },
  grids: {
    description: 'Grids and visit teams',
    memorySize: 512,
    program: ACCESS.readWrite,
    idempotency: true,
  },
  enterprises: { description: 'Enterprises', memorySize: 512, program: ACCESS.readWrite, idempotency: true },
  cadres: {
    description: 'Cadres and experience profiles',
    memorySize: 512,
    program: ACCESS.readWrite,
    idempotency: true,
  },
  issues: {
    description: 'Issues: raising and the assigned unit’s and enterprise’s decisions',
    memorySize: 1024,
    // Reassigning co-units deletes the dropped co-unit links in the same transaction.
    program: { read: READS, write: ['PutItem', 'UpdateItem', 'DeleteItem'] },
    ledger: ACCESS.append,
    idempotency: true,
    policies: ['issue'],
  },
  'issue-reads': {
    description: 'Issues: scoped lists and reads, the ledger and the public timeline',
    memorySize: 1024,
    program: ACCESS.read,
    ledger: { read: ['GetItem', 'BatchGetItem', 'Query'] },
  },
  cases: {
    description:
      'Case handling: dispatch, sign-for, co-units’ parts, return decisions, follow-up calls, duplicates',
    memorySize: 1024,
    // A dispatch that reassigns co-units deletes the dropped co-unit links in the same transaction.
    program: { read: READS, write: ['PutItem', 'UpdateItem', 'DeleteItem'] },
    ledger: ACCESS.append,
    // Escalation names the issue's execution before the outbox starts it.
    namesExecutions: true,
    policies: ['issue'],
  },
  consultations: {
    description: 'Half-monthly consultations and their decisions, written into dispatch orders',
    memorySize: 1024,
    program: ACCESS.readWrite,
    ledger: ACCESS.append,
    idempotency: true,
    policies: ['issue'],
  },
  'consultation-reads': {
    description: 'Consultation agendas with each issue’s history summary, and dispatch orders (交办单)',
    memorySize: 1024,
    program: ACCESS.read,
    ledger: { read: ['GetItem', 'BatchGetItem', 'Query'] },
  },
  'dispatch-order-pdf': {
    description: 'Dispatch orders (交办单) as PDF: the one function with the PDF renderer and its CJK font',
    // Rendering is CPU-bound (fontkit subsets the font per document): 1,769 MB is one full vCPU.
    memorySize: 1769,
    program: ACCESS.read,
  },
  notifications: {
    description: 'Notification subscriptions (units, enterprises, roles) and the delivery records',
    memorySize: 512,
    // A subscription is withdrawn by deleting it.
    program: { read: READS, write: ['PutItem', 'UpdateItem', 'DeleteItem'] },
    idempotency: true,
  },
  calendar: {
    description: 'Working-day calendar: holiday arrangements by year',
    memorySize: 512,
    program: ACCESS.readWrite,
  },
  jobs: {
    description:
      'Operators’ triggers and repairs: scheduled jobs run by hand, failed issue workflows restarted',
    memorySize: 1024,
    // Every job's writes: the quarterly scoring publishes ranking rows in batches.
    program: { read: READS, write: ['PutItem', 'UpdateItem', 'BatchWriteItem'] },
    ledger: ACCESS.append,
    timeoutSeconds: 29,
    namesExecutions: true,
    policies: ['issue', 'scoring'],
  },
  registries: {
    description:
      'Registries: experts and engagements, trainings and attendance, accountability cases, promotions',
    memorySize: 512,
    program: ACCESS.readWrite,
    idempotency: true,
  },
  visits: {
    description: 'Grid visits with questionnaires and the issues raised at them; grid coverage',
    memorySize: 1024,
    program: ACCESS.readWrite,
    ledger: ACCESS.append,
    idempotency: true,
  },
  reports: {
    description: "The program's headline figures (summed day counters)",
    memorySize: 512,
    program: ACCESS.read,
  },
  ledger: {
    description: 'The issue ledger (台账) exported as CSV or XLSX by period and unit',
    // 1,769 MB is one full vCPU: a city-year (~50,000 entries) is rendered and compressed in seconds.
    memorySize: 1769,
    program: ACCESS.read,
    ledger: { read: ['GetItem', 'BatchGetItem', 'Query'] },
    ledgerByPeriod: true,
    timeoutSeconds: 29,
  },
  secondments: {
    description:
      'Cadre matching, residencies (驻企挂职) with service logs and evaluations, placements (跟班学习)',
    memorySize: 1024,
    // Ending a residency deletes its open marker in the same transaction.
    program: { read: READS, write: ['PutItem', 'UpdateItem', 'DeleteItem'] },
    idempotency: true,
  },
  scoring: {
    description: 'Party-building points and the quarterly rankings',
    memorySize: 512,
    program: ACCESS.readWrite,
  },
  inspections: {
    description: 'Weekly inspection reports (每周督查)',
    memorySize: 512,
    program: ACCESS.read,
  },
  assessments: {
    description: 'Cadre assessments (专项考察) of residencies and the annual excellent quota per unit',
    memorySize: 512,
    program: ACCESS.readWrite,
    idempotency: true,
    policies: ['appraisal'],
  },
  attachments: {
    description:
      'Attachments: pre-signed S3 uploads and downloads of photos and PDFs on records; daily cleanup of abandoned uploads',
    memorySize: 512,
    // The daily cleanup deletes the records of abandoned uploads.
    program: { read: READS, write: ['PutItem', 'UpdateItem', 'DeleteItem'] },
    // A file on an issue is told in the issue's ledger.
    ledger: ACCESS.append,
    idempotency: true,
    attachments: true,
    // The cleanup looks for each late upload with a signed HEAD: a run of hundreds takes seconds.
    timeoutSeconds: 29,
    daily: {
      job: 'attachment-cleanup',
      // 03:00 Asia/Shanghai (19:00 UTC the day before).
      schedule: 'cron(0 19 * * ? *)',
      description: 'attachment-cleanup: confirms late uploads, removes the records of abandoned ones',
    },
  },
};

export const settingsFor = (area: string): AreaSettings => {
  const settings = AREA_SETTINGS[area];
  if (!settings) throw new Error(`No AREA_SETTINGS for API area "${area}" (infra/api-areas.ts)`);
  return settings;
};

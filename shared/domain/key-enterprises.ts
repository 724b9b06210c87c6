import { InvalidTransition } from './errors';
import type { Viewer } from './viewer';

/**
 * Key enterprises (重点企业专人服务, 一企一策): a named cadre (专人) per key enterprise, a plan of items
 * whose progress only moves forward, and, for above-scale enterprises, the listing track (股改上市)
 * by milestone in their fixed order.
 */
export const LISTING_MILESTONES = [
  'shareholding_reform',
  'tutoring_filed',
  'application_accepted',
  'registration_approved',
  'listed',
] as const;
export type ListingMilestone = (typeof LISTING_MILESTONES)[number];

/**
 * The milestone that may be recorded after those already recorded: the next in order, on a date not
 * before the last one's. Anything else is refused (409 INVALID_TRANSITION).
 */
export const assertNextMilestone = (
  recorded: readonly { milestone: ListingMilestone; date: string }[],
  next: { milestone: ListingMilestone; date: string },
): void => {
  const expected = LISTING_MILESTONES[recorded.length];
  if (expected === undefined) throw new InvalidTransition('The enterprise is already listed.');
  if (next.milestone !== expected) {
    throw new InvalidTransition(`The next listing milestone is ${expected}, not ${next.milestone}.`);
  }
  const last = recorded.at(-1);
  if (last && next.date < last.date) {
    throw new InvalidTransition(`A milestone cannot be dated before the previous one (${last.date}).`);
  }
};

export type PlanItemStatus = 'open' | 'done';

/**
 * A progress report on a plan item: progress never goes back, and an item at 100 % is done and takes
 * no more reports.
 */
export const progressStep = (
  item: { status: PlanItemStatus; progressPercent: number },
  percent: number,
): { progressPercent: number; status: PlanItemStatus } => {
  if (item.status === 'done') throw new InvalidTransition('This plan item is done.');
  if (percent < item.progressPercent) {
    throw new InvalidTransition(`Progress cannot go back from ${item.progressPercent} % to ${percent} %.`);
  }
  return { progressPercent: percent, status: percent === 100 ? 'done' : 'open' };
};

/** Whether an open item is past its deadline on a program date. */
export const isOverdue = (item: { status: PlanItemStatus; deadline: string }, today: string): boolean =>
  item.status === 'open' && item.deadline < today;

/**
 * A cadre sees only the key enterprises it serves as their named cadre (专人); the other readers
 * (departments, leaders, the office) see them all.
 */
export const isNamedCadreOnly = (viewer: Viewer): boolean =>
  viewer.roles.includes('cadre') &&
  !viewer.roles.some(
    (role) => role === 'department' || role === 'leader' || role === 'operator' || role === 'admin',
  );

export const maySeeKeyEnterprise = (viewer: Viewer, designation: { liaisonCadreId: string }) =>
  !isNamedCadreOnly(viewer) ||
  (viewer.cadreId !== undefined && viewer.cadreId === designation.liaisonCadreId);

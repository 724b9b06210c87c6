import { ISSUE_STATUSES } from '../../../shared/domain/issues/issue';
import { asOperator, type SeedClient } from './seed-client';

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

/** Counts a list by paging through it, as a client would. */
const countList = async (client: SeedClient, path: string): Promise<number> => {
  let count = 0;
  let cursor: string | null = null;
  const separator = path.includes('?') ? '&' : '?';
  do {
    const page: Page = await client.get<Page>(
      `${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      asOperator,
    );
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
};

/** What the data holds now, read through the API: the figures a second seed run must leave unchanged. */
export const countRecords = async (client: SeedClient): Promise<Record<string, number>> => {
  const lists: Record<string, string> = {
    units: '/units',
    grids: '/grids',
    cadres: '/cadres',
    'cadres in pool': '/cadres?inPool=true',
    enterprises: '/enterprises',
    'dispatch orders': '/dispatch-orders',
    residencies: '/residencies',
    'residencies active': '/residencies?status=active',
    placements: '/placements',
    visits: '/visits',
    experts: '/experts',
    trainings: '/trainings',
    batches: '/batches',
    policies: '/policies',
    'key enterprises': '/key-enterprises',
    'agency cases': '/agency-cases',
    'expert campaigns': '/expert-campaigns',
    'review rounds 2025-1': '/batches/2025-1/review-rounds',
    'grades 2025': '/appraisals/2025/grades',
    'assessments 2025': '/assessments?year=2025',
    ...Object.fromEntries(ISSUE_STATUSES.map((status) => [`issues ${status}`, `/issues?status=${status}`])),
  };
  const counts = await Promise.all(
    Object.entries(lists).map(async ([what, path]) => [what, await countList(client, path)] as const),
  );
  return Object.fromEntries(counts);
};

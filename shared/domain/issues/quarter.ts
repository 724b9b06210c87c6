import type { CalendarDate } from '../calendar';

/** `2026-11-28` → `2026Q4`: the scoring period a dated event counts in. */
export const quarterOf = (date: CalendarDate): string => {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return `${year}Q${Math.ceil(month / 3)}`;
};

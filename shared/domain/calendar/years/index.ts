import type { CalendarYear } from '../calendar-year';
import { YEAR_2025 } from './2025';
import { YEAR_2026 } from './2026';

/** Years shipped with the code; later years are loaded by an operator as data. */
export const BUILT_IN_YEARS: readonly CalendarYear[] = [YEAR_2025, YEAR_2026];

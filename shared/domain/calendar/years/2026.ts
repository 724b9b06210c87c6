import type { CalendarYear } from '../calendar-year';

/** 2026 as published on 2025-11-04 (see /work/shared/data/cn-calendar.md). */
export const YEAR_2026: CalendarYear = {
  year: 2026,
  notice: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
  holidays: [
    {
      holiday: 'New Year',
      daysOff: ['2026-01-01', '2026-01-02', '2026-01-03'],
      makeUpWorkingDays: ['2026-01-04'],
    },
    {
      holiday: 'Spring Festival',
      daysOff: [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ],
      makeUpWorkingDays: ['2026-02-14', '2026-02-28'],
    },
    { holiday: 'Qingming', daysOff: ['2026-04-04', '2026-04-05', '2026-04-06'], makeUpWorkingDays: [] },
    {
      holiday: 'Labour Day',
      daysOff: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
      makeUpWorkingDays: ['2026-05-09'],
    },
    { holiday: 'Dragon Boat', daysOff: ['2026-06-19', '2026-06-20', '2026-06-21'], makeUpWorkingDays: [] },
    { holiday: 'Mid-Autumn', daysOff: ['2026-09-25', '2026-09-26', '2026-09-27'], makeUpWorkingDays: [] },
    {
      holiday: 'National Day',
      daysOff: [
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ],
      makeUpWorkingDays: ['2026-09-20', '2026-10-10'],
    },
  ],
};

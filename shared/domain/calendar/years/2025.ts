import type { CalendarYear } from '../calendar-year';

/** 2025 as published in 国办发明电〔2024〕12号 (see /work/shared/data/cn-calendar.md). */
export const YEAR_2025: CalendarYear = {
  year: 2025,
  notice: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  holidays: [
    { holiday: 'New Year', daysOff: ['2025-01-01'], makeUpWorkingDays: [] },
    {
      holiday: 'Spring Festival',
      daysOff: [
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
      ],
      makeUpWorkingDays: ['2025-01-26', '2025-02-08'],
    },
    { holiday: 'Qingming', daysOff: ['2025-04-04', '2025-04-05', '2025-04-06'], makeUpWorkingDays: [] },
    {
      holiday: 'Labour Day',
      daysOff: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
      makeUpWorkingDays: ['2025-04-27'],
    },
    { holiday: 'Dragon Boat', daysOff: ['2025-05-31', '2025-06-01', '2025-06-02'], makeUpWorkingDays: [] },
    {
      holiday: 'National Day + Mid-Autumn',
      daysOff: [
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      makeUpWorkingDays: ['2025-09-28', '2025-10-11'],
    },
  ],
};

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { calendarYearKeys } from '../db/keys';
import { queryAll } from '../db/queries';
import type { CalendarYear } from '../domain/calendar';

/** A loaded year with who loaded it and when. */
export interface LoadedCalendarYear {
  data: CalendarYear;
  loadedBy: string;
  loadedAt: string;
}

/** Holiday arrangements operators loaded after the built-in years: one partition, an item a year. */
export const listLoadedCalendarYearRecords = async (): Promise<LoadedCalendarYear[]> => {
  const items = await queryAll<LoadedCalendarYear>(calendarYearKeys.all());
  return items.map((item) => ({
    data: item.data as CalendarYear,
    loadedBy: String(item.loadedBy),
    loadedAt: String(item.loadedAt),
  }));
};

export const listLoadedCalendarYears = async (): Promise<CalendarYear[]> =>
  (await listLoadedCalendarYearRecords()).map((record) => record.data);

export const saveCalendarYear = async (
  year: CalendarYear,
  meta: { loadedBy: string; loadedAt: string; replace: boolean },
) => {
  await documentClient.send(
    new PutCommand({
      TableName: tableNames.program,
      Item: { ...calendarYearKeys.item(year.year), entity: 'calendarYear', data: year, ...meta },
      ...(meta.replace ? {} : { ConditionExpression: 'attribute_not_exists(pk)' }),
    }),
  );
};

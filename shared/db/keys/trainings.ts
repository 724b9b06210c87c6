import { type Attendee, attendeeIdentity } from '../../domain/trainings';
import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * Trainings, with one item per attendee in the training's partition (a second attendance of the same
 * person cannot be written); by date (`date#id`): GSI1 all, GSI2 by organising unit.
 */
export const trainingKeys = {
  item: (id: string): ItemKey => ({ pk: `TRAINING#${id}`, sk: 'TRAINING' }),
  attendance: (trainingId: string, attendee: Attendee): ItemKey => ({
    pk: `TRAINING#${trainingId}`,
    sk: `ATTENDEE#${attendeeIdentity(attendee)}`,
  }),
  attendancesOf: (trainingId: string): KeyRange => ({
    partition: `TRAINING#${trainingId}`,
    sortPrefix: 'ATTENDEE#',
  }),
  all: (sort?: string): IndexPartition => ({ index: 'GSI1', partition: 'TRAINING', sort }),
  byOrganizer: (unitId: string, sort?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `TRAINING#UNIT#${unitId}`,
    sort,
  }),
};

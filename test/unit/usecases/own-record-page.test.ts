import { describe, expect, it } from 'vitest';
import { ownRecordPage } from '../../../shared/usecases/own-record-page';

describe('ownRecordPage', () => {
  const own = { id: 'E1', industry: 'dyeing', aboveScale: false };

  it('lists the own record when every given filter matches, ignoring absent ones', () => {
    expect(ownRecordPage(own, { industry: 'dyeing', aboveScale: undefined })).toEqual({
      items: [own],
      nextCursor: null,
    });
  });

  it('lists nothing when a filter differs, false included, or when there is no record', () => {
    expect(ownRecordPage(own, { industry: 'leather' }).items).toEqual([]);
    expect(ownRecordPage(own, { aboveScale: true }).items).toEqual([]);
    expect(ownRecordPage(undefined, {}).items).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deliveryIdOf,
  maskPhone,
  rateWindowExpiry,
  rateWindowOf,
  releaseTime,
  retryDelaySeconds,
} from '../../../../shared/domain/notifications/delivery-rules';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('SMS quiet hours (Asia/Shanghai)', () => {
  const quiet = { from: '22:00', to: '08:00' };

  it('holds a message sent at night until 08:00 the next morning, and one sent after midnight until 08:00 that day', () => {
    expect(releaseTime(shanghai('2026-12-05T22:30:00'), quiet).toISOString()).toBe(
      shanghai('2026-12-06T08:00:00').toISOString(),
    );
    expect(releaseTime(shanghai('2026-12-06T03:10:00'), quiet).toISOString()).toBe(
      shanghai('2026-12-06T08:00:00').toISOString(),
    );
  });

  it('lets a message through by day, at 08:00 sharp and up to 21:59', () => {
    for (const time of ['08:00:00', '12:00:00', '21:59:59']) {
      const now = shanghai(`2026-12-05T${time}`);
      expect(releaseTime(now, quiet)).toEqual(now);
    }
  });

  it('handles quiet hours within one day, none (null) and an empty span', () => {
    const lunch = { from: '12:00', to: '13:30' };
    expect(releaseTime(shanghai('2026-12-05T12:45:00'), lunch).toISOString()).toBe(
      shanghai('2026-12-05T13:30:00').toISOString(),
    );
    const now = shanghai('2026-12-05T23:00:00');
    expect(releaseTime(now, null)).toEqual(now);
    expect(releaseTime(now, { from: '09:00', to: '09:00' })).toEqual(now);
  });

  it('never releases before now, and never releases inside the quiet hours (any instant)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }), (ms) => {
        const now = new Date(ms);
        const release = releaseTime(now, quiet);
        expect(release.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(release.getTime() - now.getTime()).toBeLessThanOrEqual(10 * 3_600_000);
        // Released at or after 08:00 and before 22:00 Shanghai time.
        expect(releaseTime(release, quiet)).toEqual(release);
      }),
    );
  });
});

describe('retries and ids', () => {
  it('backs off exponentially from the base, capped at 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 10].map((attempt) => retryDelaySeconds(attempt))).toEqual([
      30, 60, 120, 240, 480, 900,
    ]);
    expect(retryDelaySeconds(3, 1)).toBe(4);
  });

  it('gives one delivery id per event and subscription, and different ids otherwise', () => {
    expect(deliveryIdOf('issue/A/2/IssueAssigned', 'S1')).toBe(deliveryIdOf('issue/A/2/IssueAssigned', 'S1'));
    expect(deliveryIdOf('issue/A/2/IssueAssigned', 'S1')).not.toBe(
      deliveryIdOf('issue/A/2/IssueAssigned', 'S2'),
    );
    expect(deliveryIdOf('issue/A/2/IssueAssigned', 'S1')).not.toBe(
      deliveryIdOf('issue/A/3/IssueAssigned', 'S1'),
    );
  });

  it('masks phones and names the hour window', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(rateWindowOf(new Date('2026-12-05T13:59:59Z'))).toBe('2026-12-05T13');
  });

  it('lets a window’s counter expire a day after the window ends', () => {
    expect(new Date(rateWindowExpiry('2026-12-05T13') * 1000).toISOString()).toBe('2026-12-06T14:00:00.000Z');
  });
});

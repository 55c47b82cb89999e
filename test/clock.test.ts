// The clock rule of meetings and speeches (shared/model/clock.ts): an end earlier than the start is past
// midnight when that makes at most 12 hours, and a slip otherwise.
import { describe, expect, it } from 'vitest';
import { clockAfter, endsBeforeStart, endsNextDay, minutesUntil, timesProblem } from '../shared/model/clock.ts';

describe('the clock rule', () => {
  it('takes an earlier end as the next day up to 12 hours on, and as a slip beyond', () => {
    expect([endsNextDay('22:30', '00:40'), endsNextDay('14:00', '02:00'), endsNextDay('14:00', '02:01'), endsNextDay('09:00', '10:00')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([endsBeforeStart('10:30', '09:45'), endsBeforeStart('22:30', '00:40'), endsBeforeStart(null, '09:00'), endsBeforeStart('09:00', '09:00')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(timesProblem({ startTime: '10:30', endTime: '09:45' })).toBe('giờ kết thúc phải sau giờ bắt đầu (qua nửa đêm, không quá 12 giờ).');
    expect(timesProblem({ startTime: '23:50', endTime: '00:10' })).toBeNull();
    expect(timesProblem({ startTime: '10:30' })).toBeNull();
  });

  it('moves an end by a duration only within the rule', () => {
    expect([clockAfter('23:50', 20), clockAfter('20:00', 12 * 60), clockAfter('08:00', 20 * 60), clockAfter('08:00', 24 * 60)]).toEqual([
      '00:10',
      '08:00',
      null,
      null,
    ]);
  });

  it('counts the minutes a speech has been running, across midnight too', () => {
    expect(minutesUntil('09:30', '09:42')).toBe(12);
    expect(minutesUntil('23:50', '00:05')).toBe(15);
    expect(minutesUntil('09:30', '09:00')).toBeNull();
  });
});

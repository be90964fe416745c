import {
  addMinutes,
  instantFromEpochMs,
  isInstant,
  isLocalDate,
  localDateOf,
  localTimeOf,
  minutesOfDay,
  secondsBetween,
} from './almaty-time.js';

describe('Kazakhstan time helpers', () => {
  it('reads an instant in any offset as Almaty local date and time', () => {
    expect(localDateOf('2026-04-05T20:30:00Z')).toBe('2026-04-06');
    expect(localTimeOf('2026-04-05T20:30:00Z')).toBe('01:30');
    expect(instantFromEpochMs(Date.UTC(2026, 3, 6, 5, 0, 0))).toBe('2026-04-06T10:00:00+05:00');
  });

  it('validates dates and instants', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isInstant('2026-04-06T10:00:00')).toBe(false);
    expect(isInstant('2026-04-06T10:00:00.123+05:00')).toBe(true);
  });

  it('measures whole seconds, never negative', () => {
    expect(secondsBetween('2026-04-06T10:00:00+05:00', addMinutes('2026-04-06T10:00:00+05:00', 2))).toBe(120);
    expect(secondsBetween('2026-04-06T10:00:01+05:00', '2026-04-06T10:00:00+05:00')).toBe(0);
  });

  it('counts minutes of the day, with 24:00 as the end of the day', () => {
    expect(minutesOfDay('09:30')).toBe(570);
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(() => minutesOfDay('25:00')).toThrow(RangeError);
  });
});

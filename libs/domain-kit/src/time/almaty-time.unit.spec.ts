import {
  addMinutes,
  compareInstants,
  epochMsOf,
  instantFromEpochMs,
  instantOf,
  isAfter,
  isBefore,
  isInstant,
  localDateOf,
  localTimeOf,
  minutesBetween,
  secondsBetween,
  toAlmatyInstant,
  toUtcBasicFormat,
} from './almaty-time.js';
import { isLocalTime, minutesOfDay, timeOfDay } from './local-time.js';

describe('Almaty time (UTC+5, fixed offset)', () => {
  describe('given an instant', () => {
    it('when it is read in Kazakhstan, then the local date and time are UTC plus five hours', () => {
      expect(localDateOf('2026-03-23T20:00:00Z')).toBe('2026-03-24');
      expect(localTimeOf('2026-03-23T20:00:00Z')).toBe('01:00');
      expect(localDateOf('2026-03-24T09:30:00+05:00')).toBe('2026-03-24');
      expect(localTimeOf('2026-03-24T09:30:59.999+05:00')).toBe('09:30');
      expect(epochMsOf('2026-03-24T04:30:00.29Z') - epochMsOf('2026-03-24T04:30:00Z')).toBe(290);
      expect(toAlmatyInstant('2026-03-24T04:30:00.5Z')).toBe('2026-03-24T09:30:00.500+05:00');
      expect(instantFromEpochMs(Date.UTC(2026, 3, 6, 5, 0, 0))).toBe('2026-04-06T10:00:00+05:00');
    });

    it('when it carries another offset, then it is converted, not reinterpreted', () => {
      expect(localTimeOf('2026-03-24T07:30:00+03:00')).toBe('09:30');
      expect(localDateOf('2026-03-24T23:30:00-02:00')).toBe('2026-03-25');
      expect(localTimeOf('2026-03-24T23:30:00-02:00')).toBe('06:30');
    });

    it('when compared with the platform Date for many instants, then both agree', () => {
      for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2029, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000 + 17_000) {
        const expected = new Date(ms + 5 * 3_600_000).toISOString().slice(0, 19) + '+05:00';
        expect(instantFromEpochMs(ms)).toBe(expected);
        expect(epochMsOf(expected)).toBe(ms);
      }
    });
  });

  describe('given a local date and time', () => {
    it('when turned into an instant, then it has the +05:00 offset', () => {
      expect(instantOf('2026-03-24', '09:30')).toBe('2026-03-24T09:30:00+05:00');
      expect(epochMsOf(instantOf('2026-03-24', '09:30'))).toBe(Date.UTC(2026, 2, 24, 4, 30));
    });

    it('when the input is malformed, then it throws', () => {
      expect(() => instantOf('2026-02-30', '09:30')).toThrow(RangeError);
      expect(() => instantOf('2026-03-24', '24:00')).toThrow(RangeError);
    });
  });

  it('adds minutes across midnight and the new year', () => {
    expect(addMinutes('2026-12-31T23:50:00+05:00', 20)).toBe('2027-01-01T00:10:00+05:00');
    expect(addMinutes('2026-03-24T09:30:00+05:00', -60)).toBe('2026-03-24T08:30:00+05:00');
    expect(addMinutes('2026-03-24T04:30:00Z', 0)).toBe('2026-03-24T09:30:00+05:00');
  });

  it('compares instants by the moment they denote', () => {
    expect(compareInstants('2026-03-24T04:30:00Z', '2026-03-24T09:30:00+05:00')).toBe(0);
    expect(compareInstants('2026-03-24T09:29:59+05:00', '2026-03-24T09:30:00+05:00')).toBe(-1);
    expect(isBefore('2026-03-24T09:29:00+05:00', '2026-03-24T04:30:00Z')).toBe(true);
    expect(isAfter('2026-03-24T09:31:00+05:00', '2026-03-24T04:30:00Z')).toBe(true);
    expect(minutesBetween('2026-03-24T09:00:00+05:00', '2026-03-24T10:30:00+05:00')).toBe(90);
  });

  it('measures whole seconds, never negative', () => {
    expect(secondsBetween('2026-04-06T10:00:00+05:00', addMinutes('2026-04-06T10:00:00+05:00', 2))).toBe(120);
    expect(secondsBetween('2026-04-06T10:00:01+05:00', '2026-04-06T10:00:00+05:00')).toBe(0);
  });

  it('converts wall-clock times to minutes and back, with 24:00 as the end of the day', () => {
    expect(minutesOfDay('09:30')).toBe(570);
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(() => minutesOfDay('25:00')).toThrow(RangeError);
    expect(timeOfDay(570)).toBe('09:30');
    expect(timeOfDay(0)).toBe('00:00');
    expect(() => timeOfDay(1440)).toThrow(RangeError);
  });

  it('formats instants for iCalendar in UTC', () => {
    expect(toUtcBasicFormat('2026-03-24T09:30:00+05:00')).toBe('20260324T043000Z');
    expect(toUtcBasicFormat('2026-01-01T03:00:00+05:00')).toBe('20251231T220000Z');
  });

  it('validates its string types strictly', () => {
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('9:30')).toBe(false);
    expect(isInstant('2026-03-24T09:30:00+05:00')).toBe(true);
    expect(isInstant('2026-03-24T09:30Z')).toBe(true);
    expect(isInstant('2026-03-24T09:30:00.123456Z')).toBe(true);
    expect(isInstant('2026-04-06T10:00:00.123+05:00')).toBe(true);
    expect(isInstant('2026-03-24T09:30:00')).toBe(false); // no offset: not an instant
    expect(isInstant('2026-02-30T09:30:00Z')).toBe(false);
    expect(isInstant('2026-03-24 09:30:00Z')).toBe(false);
    expect(isInstant(1711251000000)).toBe(false);
    expect(() => epochMsOf('yesterday')).toThrow(RangeError);
  });
});

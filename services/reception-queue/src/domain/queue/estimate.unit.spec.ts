import { estimateWait, median, percentile } from './estimate.js';

describe('estimated wait', () => {
  it('takes median and nearest-rank percentiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(() => median([])).toThrow(RangeError);
  });

  it('is nothing for a ticket not in the queue', () => {
    expect(estimateWait({ position: 0, desks: 2, serviceSeconds: [600], expectedMinutes: 10 })).toEqual({
      minutes: 0,
      low: 0,
      high: 0,
    });
  });

  it('uses the expected minutes before the day has service times, with a wide upper bound', () => {
    expect(estimateWait({ position: 3, desks: 1, serviceSeconds: [], expectedMinutes: 10 })).toEqual({
      minutes: 30,
      low: 20,
      high: 45,
    });
  });

  it('follows recent service times: median for the estimate, p90 for the upper bound', () => {
    const serviceSeconds = [300, 300, 300, 300, 300, 300, 300, 300, 600, 1200]; // median 5 min, p90 10 min
    expect(estimateWait({ position: 4, desks: 2, serviceSeconds, expectedMinutes: 30 })).toEqual({
      minutes: 10,
      low: 7,
      high: 20,
    });
  });

  it('shrinks with more desks and grows with the position', () => {
    const samples = Array.from({ length: 10 }, () => 600);
    const one = estimateWait({ position: 6, desks: 1, serviceSeconds: samples, expectedMinutes: 10 });
    const three = estimateWait({ position: 6, desks: 3, serviceSeconds: samples, expectedMinutes: 10 });
    expect(three.minutes).toBeLessThan(one.minutes);
    const later = estimateWait({ position: 7, desks: 3, serviceSeconds: samples, expectedMinutes: 10 });
    expect(later.minutes).toBeGreaterThan(three.minutes);
  });

  it('assumes one desk when none is open, and keeps low <= minutes <= high', () => {
    for (const position of [1, 2, 5, 40]) {
      const e = estimateWait({ position, desks: 0, serviceSeconds: [30, 45, 2000], expectedMinutes: 10 });
      expect(e.low).toBeLessThanOrEqual(e.minutes);
      expect(e.minutes).toBeLessThanOrEqual(e.high);
    }
  });
});

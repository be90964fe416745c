import { Prng, randomShares, splitWhole } from './prng.js';

const draw = (rng: Prng, n: number, f: (r: Prng) => number) => Array.from({ length: n }, () => f(rng));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the seeded generator', () => {
  it('gives the same numbers for the same seed, other numbers for another seed or another fork', () => {
    const a = draw(new Prng('seed'), 5, (r) => r.uint32());
    expect(draw(new Prng('seed'), 5, (r) => r.uint32())).toEqual(a);
    expect(draw(new Prng('other'), 5, (r) => r.uint32())).not.toEqual(a);
    const root = new Prng('seed');
    expect(draw(root.fork('x'), 5, (r) => r.uint32())).toEqual(draw(new Prng('seed').fork('x'), 5, (r) => r.uint32()));
    expect(draw(root.fork('x'), 5, (r) => r.uint32())).not.toEqual(draw(root.fork('y'), 5, (r) => r.uint32()));
  });

  it('draws uniform numbers in [0, 1) and integers within their bounds', () => {
    const rng = new Prng('uniform');
    const values = draw(rng, 20_000, (r) => r.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.5, 1);
    const ints = draw(rng, 5_000, (r) => r.int(3, 7));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6, 7]));
  });

  it('has heavy-tailed log-normal and Pareto draws around the right medians', () => {
    const rng = new Prng('tails');
    const logNormal = draw(rng, 20_000, (r) => r.logNormal(Math.log(100), 1.2));
    expect(median(logNormal)).toBeGreaterThan(90);
    expect(median(logNormal)).toBeLessThan(110);
    const mean = logNormal.reduce((s, v) => s + v, 0) / logNormal.length;
    expect(mean / median(logNormal)).toBeGreaterThan(1.6); // exp(sigma^2 / 2) ~ 2.05
    const pareto = draw(rng, 20_000, (r) => r.pareto(1, 1.5));
    expect(Math.min(...pareto)).toBeGreaterThanOrEqual(1);
    expect(median(pareto)).toBeCloseTo(Math.pow(2, 1 / 1.5), 1);
    const poisson = draw(rng, 20_000, (r) => r.poisson(4));
    expect(poisson.reduce((s, v) => s + v, 0) / poisson.length).toBeCloseTo(4, 0);
  });

  it('splits a whole amount into whole parts that add up exactly, each at least the minimum', () => {
    const rng = new Prng('split');
    for (let k = 0; k < 200; k++) {
      const count = rng.int(1, 30);
      const total = rng.int(count * 3, 10_000_000);
      const parts = splitWhole(total, randomShares(rng, count, 1.5), 3);
      expect(parts).toHaveLength(count);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      for (const part of parts) {
        expect(Number.isInteger(part)).toBe(true);
        expect(part).toBeGreaterThanOrEqual(3);
      }
    }
    expect(() => splitWhole(5, [0.5, 0.5], 3)).toThrow(RangeError);
  });
});

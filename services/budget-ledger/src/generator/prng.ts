/**
 * A seeded pseudo-random generator (sfc32, seeded through the cyrb128 string hash) and the
 * distributions the synthetic dataset needs. The same seed gives the same numbers on every
 * machine: only 32-bit integer arithmetic and IEEE doubles, no `Math.random`.
 *
 * `fork(label)` derives an independent generator from the seed and a label, so each institution
 * and each budget line has its own stream of numbers: what one line draws never shifts another,
 * and a slice of the dataset is the same whatever else is generated around it.
 */

/** cyrb128: four 32-bit hashes of a string (public domain, bryc). */
const cyrb128 = (text: string): [number, number, number, number] => {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
};

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(readonly seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 12; i++) this.uint32(); // warm up
  }

  /** An independent generator for a named part of the dataset. */
  fork(label: string | number): Prng {
    return new Prng(`${this.seed}/${label}`);
  }

  /** sfc32 (public domain, Chris Doty-Humphrey). */
  uint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal (Box-Muller, the second value kept for the next call). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal: `exp(mu + sigma * N(0, 1))`; median `exp(mu)`, heavy right tail. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Pareto with scale `xm` and shape `alpha` (smaller alpha, heavier tail). */
  pareto(xm: number, alpha: number): number {
    let u = 0;
    while (u === 0) u = this.next();
    return xm / Math.pow(u, 1 / alpha);
  }

  /** Poisson (Knuth for small means, a rounded normal for large ones). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index drawn with the given (non-negative, not all zero) weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** Shares that sum to 1, drawn around equal parts (log-normal weights with spread `sigma`). */
export const randomShares = (rng: Prng, count: number, sigma: number): number[] => {
  const weights = Array.from({ length: count }, () => rng.logNormal(0, sigma));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
};

/**
 * Splits a whole `total` into `count` whole parts of at least `min` each, in proportion to
 * `shares`. The parts sum exactly to `total` (the rounding remainder goes to the largest part).
 */
export const splitWhole = (total: number, shares: readonly number[], min = 1): number[] => {
  const count = shares.length;
  if (count === 0) return [];
  if (total < min * count) throw new RangeError(`cannot split ${total} into ${count} parts of at least ${min}`);
  const spare = total - min * count;
  const parts = shares.map((share) => min + Math.floor(spare * share));
  const rest = total - parts.reduce((sum, p) => sum + p, 0);
  let largest = 0;
  for (let i = 1; i < count; i++) if (shares[i]! > shares[largest]!) largest = i;
  parts[largest]! += rest;
  return parts;
};

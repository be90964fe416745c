/**
 * Estimated wait of a ticket, with its uncertainty, as a pure function of its place in the queue
 * and the service's recent service times (this day's, newest last).
 *
 * With `position` p (1 = next) and `desks` d serving the service:
 *   minutes ≈ p · median / d   (the expected case)
 *   low     = (p − 1) · median / d   (a desk frees up right away)
 *   high    = p · p90 / d      (slow visits ahead)
 * Before the day has its own service times the service's `expectedMinutes` stands in for the
 * median; with few samples the p90 is widened to at least 1.5 × median, so a thin history never
 * looks more certain than it is.
 */
export interface WaitEstimate {
  minutes: number;
  low: number;
  high: number;
}

export const NO_WAIT: WaitEstimate = { minutes: 0, low: 0, high: 0 };

/** Nearest-rank percentile of a non-empty list (0 < p <= 100); the list need not be sorted. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) throw new RangeError('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

/** Median as the mean of the two middle values for even lengths. */
export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Fewer samples than this widen the p90. */
export const FEW_SAMPLES = 5;

export const estimateWait = (input: {
  /** 1 = next in line. 0 or less: not waiting. */
  position: number;
  /** Desks open for the service (at least one is assumed). */
  desks: number;
  /** Recent service durations of the service, seconds. */
  serviceSeconds: readonly number[];
  /** The office's typical minutes per visit of the service. */
  expectedMinutes: number;
}): WaitEstimate => {
  if (input.position <= 0) return NO_WAIT;
  const desks = Math.max(1, Math.floor(input.desks));
  const samples = input.serviceSeconds.filter((s) => Number.isFinite(s) && s >= 0);
  const mid = samples.length > 0 ? median(samples) : input.expectedMinutes * 60;
  let p90 = samples.length > 0 ? percentile(samples, 90) : mid * 1.5;
  if (samples.length < FEW_SAMPLES) p90 = Math.max(p90, mid * 1.5);
  const minutesOf = (seconds: number) => seconds / 60;
  const low = Math.floor(minutesOf(((input.position - 1) * mid) / desks));
  const minutes = Math.max(low, Math.round(minutesOf((input.position * mid) / desks)));
  const high = Math.max(minutes, Math.ceil(minutesOf((input.position * p90) / desks)));
  return { minutes, low, high };
};

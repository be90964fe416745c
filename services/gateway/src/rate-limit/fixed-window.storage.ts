import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  hits: number;
  /** Epoch ms when this window ends (and with it any block). */
  resetsAt: number;
}

/** What `ThrottlerStorage.increment` answers (`ThrottlerStorageRecord`). */
export interface RateLimitRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * In-memory `ThrottlerStorage` counting hits in fixed windows: O(1) per request whatever the
 * limit (the library's default storage keeps one timestamp per hit, which a benchmark-sized
 * limit turns into megabytes per caller). A caller over the limit is refused until the window
 * ends. Per gateway instance: behind N replicas the effective limit is N times higher, until a
 * shared store (Redis, ...) implements this same interface.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sweepEveryMs = 60_000,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    _name: string,
  ): Promise<RateLimitRecord> {
    this.startSweeper();
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetsAt <= now) {
      window = { hits: 0, resetsAt: now + ttl };
      this.windows.set(key, window);
    }
    window.hits += 1;
    const secondsLeft = Math.max(1, Math.ceil((window.resetsAt - now) / 1000));
    const isBlocked = window.hits > limit;
    return {
      totalHits: window.hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    };
  }

  /** Keys currently counted (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  /** Forgets windows that have ended. */
  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key);
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.windows.clear();
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), this.sweepEveryMs);
    this.sweeper.unref();
  }
}

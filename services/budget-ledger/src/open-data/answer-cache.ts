/**
 * Rendered answers kept in memory, keyed by their ETag (which holds the projection's position),
 * so a hot route such as `GET /v1/budget/regions` is answered without touching the database
 * until the projection moves. Concurrent misses share one computation; failures are not kept.
 */
import type { Rendered } from './http.js';

export interface AnswerCacheOptions {
  /** Most answers kept. Default 2 000. */
  maxEntries?: number;
  /** Larger answers are not kept. Default 1 MiB. */
  maxBodyChars?: number;
}

export class AnswerCache {
  private readonly ready = new Map<string, Rendered>();
  private readonly pending = new Map<string, Promise<Rendered>>();
  private readonly maxEntries: number;
  private readonly maxBodyChars: number;

  constructor(options: AnswerCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 2_000;
    this.maxBodyChars = options.maxBodyChars ?? 1024 * 1024;
  }

  /** The answer when it is ready (no promise, no tick). */
  peek(key: string): Rendered | undefined {
    return this.ready.get(key);
  }

  get(key: string, compute: () => Promise<Rendered>): Promise<Rendered> {
    const hit = this.ready.get(key);
    if (hit) return Promise.resolve(hit);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const promise = compute().then(
      (rendered) => {
        this.pending.delete(key);
        if (rendered.body.length <= this.maxBodyChars) {
          if (this.ready.size >= this.maxEntries) {
            // Oldest first: Map keeps insertion order.
            const oldest = this.ready.keys().next().value;
            if (oldest !== undefined) this.ready.delete(oldest);
          }
          this.ready.set(key, rendered);
        }
        return rendered;
      },
      (error: unknown) => {
        this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, promise);
    return promise;
  }

  /** Forgets every answer (the projection moved: their ETags are stale). */
  clear(): void {
    this.ready.clear();
  }

  get size(): number {
    return this.ready.size;
  }
}

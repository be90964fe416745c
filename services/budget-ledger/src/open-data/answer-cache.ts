/**
 * Rendered answers kept in memory, keyed by their ETag (which holds the projection's position),
 * so a hot route such as `GET /v1/budget/regions` is answered without touching the database
 * until the projection moves. Concurrent misses share one computation; failures are not kept.
 *
 * Bounded by the bytes it holds (only the encoded body is kept), least recently used first out.
 * The controller keeps only JSON answers without free-text search (`q`) here: CSV answers and
 * searches are computed per request.
 */
import type { Rendered } from './http.js';

export interface AnswerCacheOptions {
  /** Most bytes of answers kept in all. Default 64 MiB. */
  maxBytes?: number;
  /** Larger answers are not kept. Default 1 MiB. */
  maxEntryBytes?: number;
}

/** What an entry is taken to cost beside its body (key, headers, map slot). */
const ENTRY_OVERHEAD = 256;

export class AnswerCache {
  /** Map order is recency: the first key is the least recently used. */
  private readonly ready = new Map<string, Rendered>();
  private readonly pending = new Map<string, Promise<Rendered>>();
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  private heldBytes = 0;

  constructor(options: AnswerCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntryBytes = Math.min(options.maxEntryBytes ?? 1024 * 1024, this.maxBytes);
  }

  private static cost(key: string, rendered: Rendered): number {
    return rendered.bytes.length + key.length * 2 + ENTRY_OVERHEAD;
  }

  /** The answer when it is ready (no promise, no tick); marks it recently used. */
  peek(key: string): Rendered | undefined {
    const hit = this.ready.get(key);
    if (hit) {
      this.ready.delete(key);
      this.ready.set(key, hit);
    }
    return hit;
  }

  get(key: string, compute: () => Promise<Rendered>): Promise<Rendered> {
    const hit = this.peek(key);
    if (hit) return Promise.resolve(hit);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const promise = compute().then(
      (rendered) => {
        this.pending.delete(key);
        this.keep(key, rendered);
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

  private keep(key: string, rendered: Rendered): void {
    if (rendered.bytes.length > this.maxEntryBytes) return;
    const cost = AnswerCache.cost(key, rendered);
    const previous = this.ready.get(key);
    if (previous) {
      this.ready.delete(key);
      this.heldBytes -= AnswerCache.cost(key, previous);
    }
    while (this.heldBytes + cost > this.maxBytes && this.ready.size > 0) {
      const [oldestKey, oldest] = this.ready.entries().next().value as [string, Rendered];
      this.ready.delete(oldestKey);
      this.heldBytes -= AnswerCache.cost(oldestKey, oldest);
    }
    this.ready.set(key, rendered);
    this.heldBytes += cost;
  }

  /** Forgets every answer (the projection moved: their ETags are stale). */
  clear(): void {
    this.ready.clear();
    this.heldBytes = 0;
  }

  get size(): number {
    return this.ready.size;
  }

  /** Bytes held, overheads included. */
  get bytes(): number {
    return this.heldBytes;
  }
}

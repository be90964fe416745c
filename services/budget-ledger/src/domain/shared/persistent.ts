/**
 * Map and set for aggregate states folded one event at a time. Folded states are cached and
 * shared (`AggregateCache`), so they must never change; copying a `Map` per event to honour that
 * makes folding a line of n transactions O(n^2) (5 000 events took seconds). Here `with` returns
 * a new version in O(1) and every older version keeps answering exactly as before.
 *
 * How: the versions of one lineage share a history in which each key keeps its values stamped
 * with the version that wrote them; a version reads the newest value not newer than itself. Only
 * the newest version of a history appends. Extending an older one (a retry after a concurrent
 * append re-folds a cached state) first copies what that version sees into a fresh history: O(n),
 * and rare.
 */

interface Written<V> {
  stamp: number;
  value: V;
}

interface History<K, V> {
  readonly cells: Map<K, Written<V>[]>;
  latest: number;
}

export class PersistentMap<K, V> implements ReadonlyMap<K, V> {
  readonly #history: History<K, V>;
  readonly #stamp: number;
  readonly #size: number;
  /** This version as a plain Map, built on the first iteration (never changes afterwards). */
  #view: Map<K, V> | undefined;

  private constructor(history: History<K, V>, stamp: number, size: number) {
    this.#history = history;
    this.#stamp = stamp;
    this.#size = size;
  }

  static empty<K, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>({ cells: new Map(), latest: 0 }, 0, 0);
  }

  static of<K, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    let map = PersistentMap.empty<K, V>();
    for (const [key, value] of entries) map = map.with(key, value);
    return map;
  }

  get size(): number {
    return this.#size;
  }

  #find(key: K): Written<V> | undefined {
    const cell = this.#history.cells.get(key);
    if (!cell) return undefined;
    for (let i = cell.length - 1; i >= 0; i--) if (cell[i]!.stamp <= this.#stamp) return cell[i];
    return undefined;
  }

  get(key: K): V | undefined {
    return this.#find(key)?.value;
  }

  has(key: K): boolean {
    return this.#find(key) !== undefined;
  }

  /** A new version with `key` set to `value`; this one is unchanged. */
  with(key: K, value: V): PersistentMap<K, V> {
    if (this.#stamp !== this.#history.latest) return PersistentMap.of(this.#entries()).with(key, value);
    const added = !this.has(key);
    const stamp = this.#stamp + 1;
    const cell = this.#history.cells.get(key);
    if (cell) cell.push({ stamp, value });
    else this.#history.cells.set(key, [{ stamp, value }]);
    this.#history.latest = stamp;
    return new PersistentMap(this.#history, stamp, this.#size + (added ? 1 : 0));
  }

  *#entries(): Generator<[K, V]> {
    for (const key of this.#history.cells.keys()) {
      const found = this.#find(key);
      if (found) yield [key, found.value];
    }
  }

  #map(): Map<K, V> {
    this.#view ??= new Map(this.#entries());
    return this.#view;
  }

  entries(): ReturnType<Map<K, V>['entries']> {
    return this.#map().entries();
  }

  keys(): ReturnType<Map<K, V>['keys']> {
    return this.#map().keys();
  }

  values(): ReturnType<Map<K, V>['values']> {
    return this.#map().values();
  }

  [Symbol.iterator](): ReturnType<Map<K, V>['entries']> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#map()) callback.call(thisArg, value, key, this);
  }
}

export class PersistentSet<T> implements ReadonlySet<T> {
  readonly #members: PersistentMap<T, true>;
  #view: Set<T> | undefined;

  private constructor(members: PersistentMap<T, true>) {
    this.#members = members;
  }

  static empty<T>(): PersistentSet<T> {
    return new PersistentSet(PersistentMap.empty<T, true>());
  }

  static of<T>(values: Iterable<T>): PersistentSet<T> {
    let set = PersistentSet.empty<T>();
    for (const value of values) set = set.with(value);
    return set;
  }

  get size(): number {
    return this.#members.size;
  }

  has(value: T): boolean {
    return this.#members.has(value);
  }

  /** A new version with `value` in it (this one when it already is). */
  with(value: T): PersistentSet<T> {
    return this.has(value) ? this : new PersistentSet(this.#members.with(value, true));
  }

  #set(): Set<T> {
    this.#view ??= new Set(this.#members.keys());
    return this.#view;
  }

  entries(): ReturnType<Set<T>['entries']> {
    return this.#set().entries();
  }

  keys(): ReturnType<Set<T>['keys']> {
    return this.#set().keys();
  }

  values(): ReturnType<Set<T>['values']> {
    return this.#set().values();
  }

  [Symbol.iterator](): ReturnType<Set<T>['values']> {
    return this.values();
  }

  forEach(callback: (value: T, key: T, set: ReadonlySet<T>) => void, thisArg?: unknown): void {
    for (const value of this.#set()) callback.call(thisArg, value, value, this);
  }
}

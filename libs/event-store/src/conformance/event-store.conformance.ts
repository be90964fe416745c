import { randomUUID } from 'node:crypto';
import { InvalidAppendError, WrongExpectedVersionError } from '../errors.js';
import type { EventStore, RecordedEvent, Subscription, SubscriptionItem } from '../event-store.js';
import { uuidv7 } from '../uuid.js';

export interface StoreUnderTest {
  store: EventStore;
  dispose: () => Promise<void>;
}

/** A fresh category per test keeps tests independent inside one shared store. */
const category = (): string => `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const ev = (type: string, data: unknown = {}, id?: string) => ({ ...(id ? { id } : {}), type, data });

const headPosition = async (store: EventStore): Promise<bigint> => {
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000 });
    if (page.length === 0) return after;
    after = page[page.length - 1]!.globalPosition;
  }
};

/** Collects subscription items until `until` says stop; fails the test after `timeoutMs`. */
const collect = async (
  subscription: Subscription,
  until: (events: RecordedEvent[], items: SubscriptionItem[]) => boolean,
  timeoutMs = 20_000,
): Promise<{ events: RecordedEvent[]; items: SubscriptionItem[] }> => {
  const events: RecordedEvent[] = [];
  const items: SubscriptionItem[] = [];
  const timer = setTimeout(() => void subscription.stop(), timeoutMs);
  try {
    for await (const item of subscription) {
      items.push(item);
      if (item.kind === 'event') events.push(item.event);
      if (until(events, items)) break;
    }
  } finally {
    clearTimeout(timer);
    await subscription.stop();
  }
  return { events, items };
};

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

/**
 * The behaviour every `EventStore` adapter must have. Each adapter's spec calls this with a
 * factory; the factory may return the same underlying database each time.
 */
export function runEventStoreConformance(adapterName: string, createStore: () => Promise<StoreUnderTest>): void {
  describe(`EventStore conformance: ${adapterName}`, () => {
    let sut: StoreUnderTest;
    let store: EventStore;

    beforeAll(async () => {
      sut = await createStore();
      store = sut.store;
    });
    afterAll(async () => {
      await sut?.dispose();
    });

    describe('append and read a stream', () => {
      it('round-trips events with ids, types, data, metadata, revisions and positions', async () => {
        const stream = `${category()}-1`;
        const id = uuidv7();
        const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
        const result = await store.appendToStream(stream, [
          { id, type: 'SlotHeld', data: { slot: '10:00', seats: 1 }, metadata: { correlationId: 'c-1', traceparent } },
          ev('SlotReleased', { slot: '10:00', nested: { list: [1, 'two', null, true] } }),
        ]);
        expect(result.nextExpectedRevision).toBe(1n);

        const read = await store.readStream(stream);
        expect(read.map((e) => [e.type, e.revision])).toEqual([
          ['SlotHeld', 0n],
          ['SlotReleased', 1n],
        ]);
        expect(read[0]!.id).toBe(id);
        expect(read[0]!.data).toEqual({ slot: '10:00', seats: 1 });
        expect(read[0]!.metadata).toMatchObject({ correlationId: 'c-1', traceparent });
        expect(read[1]!.data).toEqual({ slot: '10:00', nested: { list: [1, 'two', null, true] } });
        expect(read[0]!.streamName).toBe(stream);
        expect(read[1]!.globalPosition).toBeGreaterThan(read[0]!.globalPosition);
        expect(result.globalPosition).toBe(read[1]!.globalPosition);
        expect(new Date(read[0]!.recordedAt).toISOString()).toBe(read[0]!.recordedAt);
        expect(read[1]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      });

      it('keeps Kazakh and Russian text intact', async () => {
        const stream = `${category()}-kk`;
        const data = {
          kk: 'Қазақстан Республикасы, Әділет, ұлттық, өтініш, Ғылым, Үкімет, Һ, Іс',
          ru: 'Ёлка, щётка, подъезд — «приёмная» №5',
          emoji: 'тест ✓',
        };
        await store.appendToStream(stream, [{ type: 'AppealFiled', data, metadata: { note: 'Өтініш берілді' } }]);
        const [read] = await store.readStream(stream);
        expect(read!.data).toEqual(data);
        expect(read!.metadata).toMatchObject({ note: 'Өтініш берілді' });
      });

      it('reads backwards, from a revision, and with a max count', async () => {
        const stream = `${category()}-r`;
        await store.appendToStream(stream, [0, 1, 2, 3, 4].map((n) => ev('Numbered', { n })));
        const n = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);
        expect(n(await store.readStream(stream, { fromRevision: 2n }))).toEqual([2, 3, 4]);
        expect(n(await store.readStream(stream, { maxCount: 2 }))).toEqual([0, 1]);
        expect(n(await store.readStream(stream, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
        expect(n(await store.readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }))).toEqual([
          3, 2,
        ]);
        expect(await store.readStream(`${category()}-missing`)).toEqual([]);
      });
    });

    describe('expected revision', () => {
      it('no_stream: succeeds on a new stream, fails on an existing one', async () => {
        const stream = `${category()}-1`;
        await expect(store.appendToStream(stream, [ev('A')], { expectedRevision: 'no_stream' })).resolves.toMatchObject(
          { nextExpectedRevision: 0n },
        );
        const error = await rejection(store.appendToStream(stream, [ev('B')], { expectedRevision: 'no_stream' }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamName: stream, expected: 'no_stream', actual: 0n });
      });

      it('stream_exists: fails on a new stream, succeeds on an existing one', async () => {
        const stream = `${category()}-1`;
        const error = await rejection(store.appendToStream(stream, [ev('A')], { expectedRevision: 'stream_exists' }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        expect(await store.readStream(stream)).toEqual([]);
        await store.appendToStream(stream, [ev('A')]);
        await expect(
          store.appendToStream(stream, [ev('B')], { expectedRevision: 'stream_exists' }),
        ).resolves.toMatchObject({ nextExpectedRevision: 1n });
      });

      it('exact revision: succeeds when it matches, fails with expected and actual otherwise', async () => {
        const stream = `${category()}-1`;
        await store.appendToStream(stream, [ev('A'), ev('B')], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, [ev('C')], { expectedRevision: 1n })).resolves.toMatchObject({
          nextExpectedRevision: 2n,
        });
        const error = await rejection(store.appendToStream(stream, [ev('D')], { expectedRevision: 1n }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ expected: 1n, actual: 2n });
        const missing = await rejection(store.appendToStream(`${category()}-x`, [ev('D')], { expectedRevision: 0n }));
        expect(missing).toMatchObject({ expected: 0n, actual: 'no_stream' });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('any: always appends', async () => {
        const stream = `${category()}-1`;
        await store.appendToStream(stream, [ev('A')], { expectedRevision: 'any' });
        const result = await store.appendToStream(stream, [ev('B')], { expectedRevision: 'any' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('lets exactly one of 20 concurrent appends with the same expected revision win', async () => {
        const stream = `${category()}-race`;
        await store.appendToStream(stream, [ev('Opened')]);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.appendToStream(stream, [ev('Booked', { by: i })], { expectedRevision: 0n }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        for (const l of lost) {
          expect(l.reason).toBeInstanceOf(WrongExpectedVersionError);
          expect(l.reason).toMatchObject({ expected: 0n, actual: 1n });
        }
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('idempotency', () => {
      it('re-appending the same event ids returns the original result and writes nothing', async () => {
        const stream = `${category()}-1`;
        const events = [ev('A', { n: 1 }, uuidv7()), ev('B', { n: 2 }, uuidv7())];
        const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        const anyAgain = await store.appendToStream(stream, events, { expectedRevision: 'any' });
        expect(anyAgain.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('read all', () => {
      it('returns events in global order after a position, filtered by category or type', async () => {
        const start = await headPosition(store);
        const [a, b] = [category(), category()];
        await store.appendToStream(`${a}-1`, [ev('Opened'), ev('Closed')]);
        await store.appendToStream(`${b}-1`, [ev('Opened')]);
        await store.appendToStream(`${a}-2`, [ev('Opened')]);

        const all = await store.readAll({ after: start });
        const mine = all.filter((e) => [a, b].some((c) => e.streamName.startsWith(`${c}-`)));
        expect(mine.map((e) => `${e.streamName}:${e.type}`)).toEqual([
          `${a}-1:Opened`,
          `${a}-1:Closed`,
          `${b}-1:Opened`,
          `${a}-2:Opened`,
        ]);
        for (let i = 1; i < all.length; i++) {
          expect(all[i]!.globalPosition).toBeGreaterThan(all[i - 1]!.globalPosition);
        }
        const byCategory = await store.readAll({ after: start, filter: { categories: [a] } });
        expect(byCategory.map((e) => e.streamName)).toEqual([`${a}-1`, `${a}-1`, `${a}-2`]);
        const byType = await store.readAll({ after: start, filter: { categories: [a, b], eventTypes: ['Opened'] } });
        expect(byType.map((e) => e.streamName)).toEqual([`${a}-1`, `${b}-1`, `${a}-2`]);
        const page = await store.readAll({ after: start, maxCount: 2, filter: { categories: [a, b] } });
        expect(page).toHaveLength(2);
        const next = await store.readAll({ after: page[1]!.globalPosition, filter: { categories: [a, b] } });
        expect(next.map((e) => e.streamName)).toEqual([`${b}-1`, `${a}-2`]);
      });
    });

    describe('subscribe to all', () => {
      it('catches up, signals it, then follows live appends', async () => {
        const c = category();
        await store.appendToStream(`${c}-1`, [ev('Before', { n: 0 }), ev('Before', { n: 1 })]);
        const subscription = store.subscribeToAll({ filter: { categories: [c] } });
        const live = (async () => {
          await new Promise((r) => setTimeout(r, 200));
          await store.appendToStream(`${c}-2`, [ev('After', { n: 2 })]);
          await store.appendToStream(`${c}-1`, [ev('After', { n: 3 })]);
        })();
        const { events, items } = await collect(subscription, (evs) => evs.length >= 4);
        await live;
        expect(events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3]);
        const caughtUpAt = items.findIndex((i) => i.kind === 'caughtUp');
        expect(caughtUpAt).toBe(2);
        expect(items.filter((i) => i.kind === 'caughtUp')).toHaveLength(1);
      });

      it('resumes from a checkpoint with no gap and no duplicate while writers append concurrently', async () => {
        const c = category();
        const writers = 6;
        const perWriter = 40;
        const appendAll = Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < perWriter; i++) {
              await store.appendToStream(`${c}-${w}`, [ev('Written', { w, i })]);
            }
          }),
        );
        // First subscriber stops part-way; the second resumes from its checkpoint.
        const first = await collect(store.subscribeToAll({ filter: { categories: [c] } }), (evs) => evs.length >= 50);
        const checkpoint = first.events[first.events.length - 1]!.globalPosition;
        const total = writers * perWriter;
        const second = await collect(
          store.subscribeToAll({ after: checkpoint, filter: { categories: [c] } }),
          (evs) => first.events.length + evs.length >= total,
        );
        await appendAll;
        const seen = [...first.events, ...second.events];
        const keys = seen.map((e) => e.id);
        expect(new Set(keys).size).toBe(keys.length);
        expect(seen).toHaveLength(total);
        for (let i = 1; i < seen.length; i++) {
          expect(seen[i]!.globalPosition).toBeGreaterThan(seen[i - 1]!.globalPosition);
        }
        // Each writer's events arrive in the order it wrote them.
        for (let w = 0; w < writers; w++) {
          const mine = seen.filter((e) => (e.data as { w: number }).w === w).map((e) => (e.data as { i: number }).i);
          expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i));
        }
        // And the store agrees with what was delivered.
        const stored = await store.readAll({ filter: { categories: [c] } });
        expect(stored.map((e) => e.id)).toEqual(keys);
      });

      it('stop() ends a subscription that is waiting for live events', async () => {
        const subscription = store.subscribeToAll({ after: await headPosition(store), filter: { categories: [category()] } });
        setTimeout(() => void subscription.stop(), 300);
        const { items } = await collect(subscription, () => false, 10_000);
        expect(items).toEqual([expect.objectContaining({ kind: 'caughtUp' })]);
      });
    });

    describe('bad input writes nothing', () => {
      const refuses = async (streamName: string, events: unknown, field: RegExp) => {
        const before = await headPosition(store);
        const error = await rejection(store.appendToStream(streamName, events as never));
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect((error as InvalidAppendError).field).toMatch(field);
        expect(await headPosition(store)).toBe(before);
      };

      it('refuses an empty or malformed stream name', async () => {
        await refuses('', [ev('A')], /streamName/);
        await refuses('no category', [ev('A')], /streamName/);
        await refuses('-abc', [ev('A')], /streamName/);
        await refuses('abc-', [ev('A')], /streamName/);
        await refuses('$system-1', [ev('A')], /streamName/);
      });

      it('refuses data that is not JSON-serialisable', async () => {
        const circular: Record<string, unknown> = {};
        circular['self'] = circular;
        await refuses(`${category()}-1`, [ev('A', { amount: 10n })], /events\[0\]\.data/);
        await refuses(`${category()}-1`, [ev('A', circular)], /events\[0\]\.data/);
        await refuses(`${category()}-1`, [ev('A', { ok: true }), ev('B', { f: () => 1 })], /events\[1\]\.data/);
        await refuses(`${category()}-1`, [ev('A', { n: Number.NaN })], /events\[0\]\.data/);
      });

      it('refuses an event over the size limit, an empty append and a bad event id or type', async () => {
        await refuses(`${category()}-1`, [ev('A', { blob: 'x'.repeat(2 * 1024 * 1024) })], /events\[0\]/);
        await refuses(`${category()}-1`, [], /events/);
        await refuses(`${category()}-1`, [ev('A', {}, 'not-a-uuid')], /events\[0\]\.id/);
        await refuses(`${category()}-1`, [ev('', {})], /events\[0\]\.type/);
      });
    });
  });
}

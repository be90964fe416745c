import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CLOUDEVENTS_CONTENT_TYPE, ContractRegistry, defineContract, type IntegrationEnvelope } from '@adal/contracts';
import {
  DEAD_LETTER_HEADERS,
  type BatchItem,
  type ConsumerOptions,
  type MessageBus,
  type MessageContext,
  type OutgoingMessage,
  type ReceivedMessage,
  type RunningConsumer,
} from '../message-bus.js';

export interface BusUnderTest {
  bus: MessageBus;
  /** Writes one message exactly as given (no checks): how the suite plants poison. */
  publishRaw(topic: string, message: OutgoingMessage): Promise<void>;
  dispose(): Promise<void>;
}

const TEST_TIMEOUT_MS = 30_000;
const WAIT_MS = 20_000;

const suffix = (): string => randomUUID().replace(/-/g, '').slice(0, 12);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; fails with `what` after `timeoutMs`. */
const waitFor = async (what: string, check: () => boolean, timeoutMs = WAIT_MS): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(20);
  }
};

const TYPE_CREATED = 'conformance.ThingCreated';
const TYPE_RENAMED = 'conformance.ThingRenamed';
const TYPE_PRICE = 'conformance.PriceSet';

const envelope = (
  type: string,
  subject: string,
  data: unknown = {},
  extra: Partial<IntegrationEnvelope> = {},
): IntegrationEnvelope => ({
  specversion: '1.0',
  id: randomUUID(),
  source: '/adal-office/conformance',
  type,
  subject,
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  dataversion: 1,
  data,
  ...extra,
});

/** v1 carried whole tenge as a number; v2 carries exact tiyn as a string. */
const priceContract = defineContract(TYPE_PRICE, [
  { version: 1, schema: z.object({ amount: z.number().int() }) },
  {
    version: 2,
    schema: z.object({ amountTiyn: z.string().regex(/^\d+$/), currency: z.literal('KZT') }),
    upcast: (v1: { amount: number }) => ({ amountTiyn: String(BigInt(v1.amount) * 100n), currency: 'KZT' as const }),
  },
]);

const rawEnvelope = (e: IntegrationEnvelope): OutgoingMessage => ({
  key: e.subject,
  value: JSON.stringify(e),
  headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: e.type, ce_id: e.id },
});

/**
 * The behaviour every `MessageBus` adapter must have. Each adapter's spec calls this with a
 * factory; every test uses topics and groups of its own, so one bus serves the whole suite.
 */
export function runMessageBusConformance(adapterName: string, createBus: () => Promise<BusUnderTest>): void {
  describe(`MessageBus conformance: ${adapterName}`, () => {
    let sut: BusUnderTest;
    let bus: MessageBus;
    let running: RunningConsumer[] = [];

    beforeAll(async () => {
      sut = await createBus();
      bus = sut.bus;
    }, 120_000);
    afterEach(async () => {
      await Promise.all(running.map((c) => c.stop()));
      running = [];
    });
    afterAll(async () => {
      await sut?.dispose();
    });

    const names = () => {
      const s = suffix();
      return { topic: `conformance-${s}.events`, group: `conformance-${s}` };
    };
    const consume = async (options: ConsumerOptions): Promise<RunningConsumer> => {
      const consumer = await bus.consume(options);
      running.push(consumer);
      return consumer;
    };
    /** Reads a topic raw with a group of its own (how an operator reads a dead-letter topic). */
    const readRaw = async (topic: string): Promise<ReceivedMessage[]> => {
      const got: ReceivedMessage[] = [];
      await consume({ groupId: `reader-${suffix()}`, topics: [topic], onRaw: async (m) => void got.push(m) });
      return got;
    };

    it(
      'delivers every published envelope to the handler for its type, with its headers',
      async () => {
        const { topic, group } = names();
        const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
        const before = [
          envelope(TYPE_CREATED, 'thing-1', { name: 'Desk 1' }, { traceparent }),
          envelope(TYPE_CREATED, 'thing-2', { name: 'Desk 2', nested: { list: [1, 'two', null, true] } }),
          envelope('conformance.NobodyListens', 'thing-1', {}),
          envelope(TYPE_RENAMED, 'thing-1', { name: 'Desk 1a' }),
        ];
        const after = [
          envelope(TYPE_CREATED, 'thing-3', { name: 'Desk 3' }),
          envelope(TYPE_RENAMED, 'thing-2', { name: 'Desk 2a' }),
        ];
        await bus.publish(topic, before);

        const got: { handler: string; envelope: IntegrationEnvelope; context: MessageContext }[] = [];
        await consume({
          groupId: group,
          topics: [topic],
          handlers: {
            [TYPE_CREATED]: async (e, context) => void got.push({ handler: 'created', envelope: e, context }),
            [TYPE_RENAMED]: async (e, context) => void got.push({ handler: 'renamed', envelope: e, context }),
          },
        });
        await bus.publish(topic, after); // published while the consumer runs: delivered live
        await waitFor('5 handled envelopes', () => got.length >= 5);
        await pause(200);

        const expected = [...before, ...after].filter((e) => e.type !== 'conformance.NobodyListens');
        expect(got).toHaveLength(expected.length);
        for (const e of expected) {
          const delivery = got.find((g) => g.envelope.id === e.id);
          expect(delivery?.envelope).toEqual(e);
          expect(delivery?.handler).toBe(e.type === TYPE_CREATED ? 'created' : 'renamed');
          expect(delivery?.context).toMatchObject({ topic, key: e.subject, attempt: 1 });
          expect(delivery?.context.offset).toMatch(/^\d+$/);
          expect(delivery?.context.headers).toMatchObject({
            'content-type': CLOUDEVENTS_CONTENT_TYPE,
            ce_type: e.type,
            ce_id: e.id,
          });
          expect(delivery?.context.headers['traceparent']).toBe(e.traceparent);
        }
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'keeps each key in order with several keys interleaved',
      async () => {
        const { topic, group } = names();
        const keys = ['office-a', 'office-b', 'office-c', 'office-d', 'office-e'];
        const all: IntegrationEnvelope[] = [];
        for (let seq = 0; seq < 50; seq++) for (const key of keys) all.push(envelope(TYPE_CREATED, key, { seq }));
        for (let i = 0; i < all.length; i += 25) await bus.publish(topic, all.slice(i, i + 25));

        const seen = new Map<string, number[]>();
        let count = 0;
        await consume({
          groupId: group,
          topics: [topic],
          handlers: {
            [TYPE_CREATED]: async (e) => {
              seen.set(e.subject, [...(seen.get(e.subject) ?? []), (e.data as { seq: number }).seq]);
              count++;
            },
          },
        });
        await waitFor('250 envelopes', () => count >= all.length);
        const inOrder = Array.from({ length: 50 }, (_, i) => i);
        for (const key of keys) expect(seen.get(key)).toEqual(inOrder);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'gives every group all the envelopes',
      async () => {
        const { topic, group } = names();
        const all = Array.from({ length: 20 }, (_, i) => envelope(TYPE_CREATED, `thing-${i % 4}`, { i }));
        await bus.publish(topic, all);
        const received = { a: [] as string[], b: [] as string[] };
        await Promise.all(
          (['a', 'b'] as const).map((g) =>
            consume({
              groupId: `${group}-${g}`,
              topics: [topic],
              handlers: { [TYPE_CREATED]: async (e) => void received[g].push(e.id) },
            }),
          ),
        );
        await waitFor('both groups', () => received.a.length >= 20 && received.b.length >= 20);
        await pause(100);
        expect([...received.a].sort()).toEqual(all.map((e) => e.id).sort());
        expect([...received.b].sort()).toEqual(all.map((e) => e.id).sort());
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'retries a failing handler with the attempt number and then moves on (at least once)',
      async () => {
        const { topic, group } = names();
        const flaky = envelope(TYPE_CREATED, 'thing-1', { n: 1 });
        const next = envelope(TYPE_CREATED, 'thing-1', { n: 2 });
        await bus.publish(topic, [flaky, next]);
        const attempts: number[] = [];
        const handled: string[] = [];
        await consume({
          groupId: group,
          topics: [topic],
          maxAttempts: 5,
          retryBackoffMs: 10,
          handlers: {
            [TYPE_CREATED]: async (e, context) => {
              if (e.id === flaky.id) {
                attempts.push(context.attempt);
                if (context.attempt < 3) throw new Error(`transient failure ${context.attempt}`);
              }
              handled.push(e.id);
            },
          },
        });
        await waitFor('both envelopes handled', () => handled.length >= 2);
        expect(attempts).toEqual([1, 2, 3]);
        expect(handled).toEqual([flaky.id, next.id]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'dead-letters a message after maxAttempts failures, with the error in headers, and carries on',
      async () => {
        const { topic, group } = names();
        const before = envelope(TYPE_CREATED, 'thing-1', { n: 1 });
        const bad = envelope(
          TYPE_CREATED,
          'thing-1',
          { n: 2 },
          { traceparent: '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01' },
        );
        const after = envelope(TYPE_CREATED, 'thing-1', { n: 3 });
        await bus.publish(topic, [before, bad, after]);
        const attempts: number[] = [];
        const handled: string[] = [];
        await consume({
          groupId: group,
          topics: [topic],
          maxAttempts: 3,
          retryBackoffMs: 5,
          handlers: {
            [TYPE_CREATED]: async (e, context) => {
              if (e.id === bad.id) {
                attempts.push(context.attempt);
                throw new Error(`boom: cannot project ${e.id}`);
              }
              handled.push(e.id);
            },
          },
        });
        const dead = await readRaw(`${topic}.dlt`);
        await waitFor('the next message and the dead letter', () => handled.length >= 2 && dead.length >= 1);
        await pause(200);

        expect(handled).toEqual([before.id, after.id]);
        expect(attempts).toEqual([1, 2, 3]);
        expect(dead).toHaveLength(1);
        const letter = dead[0]!;
        expect(JSON.parse(letter.value!)).toEqual(bad);
        expect(letter.key).toBe(bad.subject);
        expect(letter.headers[DEAD_LETTER_HEADERS.reason]).toBe('handler-failed');
        expect(letter.headers[DEAD_LETTER_HEADERS.error]).toContain(`boom: cannot project ${bad.id}`);
        expect(letter.headers[DEAD_LETTER_HEADERS.attempts]).toBe('3');
        expect(letter.headers[DEAD_LETTER_HEADERS.originalTopic]).toBe(topic);
        expect(letter.headers[DEAD_LETTER_HEADERS.originalPartition]).toMatch(/^\d+$/);
        expect(letter.headers[DEAD_LETTER_HEADERS.originalOffset]).toMatch(/^\d+$/);
        // The original headers travel along, so the trace continues into the dead-letter topic.
        expect(letter.headers).toMatchObject({ ce_id: bad.id, traceparent: bad.traceparent });
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'dead-letters poison at once (not JSON, newer dataversion, invalid data) and carries on',
      async () => {
        const { topic, group } = names();
        const notJson = '{"specversion":"1.0", this is not JSON';
        const tooNew = envelope(
          TYPE_PRICE,
          'price-1',
          { amountTiyn: '1', currency: 'KZT', vat: true },
          { dataversion: 3 },
        );
        const invalid = envelope(TYPE_PRICE, 'price-1', { amountTiyn: 'a lot', currency: 'KZT' }, { dataversion: 2 });
        const good = envelope(TYPE_PRICE, 'price-1', { amountTiyn: '150000', currency: 'KZT' }, { dataversion: 2 });
        await sut.publishRaw(topic, { key: 'price-1', value: notJson, headers: { 'content-type': 'text/plain' } });
        for (const e of [tooNew, invalid, good]) await sut.publishRaw(topic, rawEnvelope(e));

        const calls: IntegrationEnvelope[] = [];
        await consume({
          groupId: group,
          topics: [topic],
          contracts: new ContractRegistry([priceContract]),
          maxAttempts: 3,
          retryBackoffMs: 5,
          handlers: { [TYPE_PRICE]: async (e) => void calls.push(e) },
        });
        const dead = await readRaw(`${topic}.dlt`);
        await waitFor('the good message and 3 dead letters', () => calls.length >= 1 && dead.length >= 3);
        await pause(200);

        expect(calls).toEqual([good]);
        expect(dead).toHaveLength(3);
        expect(dead.map((d) => d.headers[DEAD_LETTER_HEADERS.reason])).toEqual(['poison', 'poison', 'poison']);
        expect(dead.map((d) => d.headers[DEAD_LETTER_HEADERS.attempts])).toEqual(['0', '0', '0']);
        expect(dead[0]!.value).toBe(notJson);
        expect(dead[0]!.key).toBe('price-1');
        expect(dead[0]!.headers[DEAD_LETTER_HEADERS.error]).toMatch(/not a JSON envelope/);
        expect(JSON.parse(dead[1]!.value!)).toEqual(tooNew);
        expect(dead[1]!.headers[DEAD_LETTER_HEADERS.error]).toMatch(/v3 is newer than v2/);
        expect(JSON.parse(dead[2]!.value!)).toEqual(invalid);
        expect(dead[2]!.headers[DEAD_LETTER_HEADERS.error]).toMatch(/data\.amountTiyn/);
        expect(dead[2]!.headers[DEAD_LETTER_HEADERS.originalTopic]).toBe(topic);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'upcasts an older dataversion before the handler sees it',
      async () => {
        const { topic, group } = names();
        const old = envelope(TYPE_PRICE, 'price-2', { amount: 1500 }, { dataversion: 1 });
        const current = envelope(TYPE_PRICE, 'price-2', { amountTiyn: '99', currency: 'KZT' }, { dataversion: 2 });
        await bus.publish(topic, [old, current]);
        const calls: IntegrationEnvelope[] = [];
        await consume({
          groupId: group,
          topics: [topic],
          contracts: new ContractRegistry([priceContract]),
          handlers: { [TYPE_PRICE]: async (e) => void calls.push(e) },
        });
        await waitFor('2 envelopes', () => calls.length >= 2);
        expect(calls).toEqual([{ ...old, dataversion: 2, data: { amountTiyn: '150000', currency: 'KZT' } }, current]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'stop() finishes the message in hand and a new member of the group resumes right after it',
      async () => {
        const { topic, group } = names();
        const all = Array.from({ length: 10 }, (_, i) => envelope(TYPE_CREATED, 'thing-1', { i }));
        await bus.publish(topic, all);

        const first: string[] = [];
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let inHandDone = false;
        const consumer = await consume({
          groupId: group,
          topics: [topic],
          handlers: {
            [TYPE_CREATED]: async (e) => {
              first.push(e.id);
              if (first.length === 5) {
                await gate;
                inHandDone = true;
              }
            },
          },
        });
        await waitFor('5 envelopes', () => first.length >= 5);
        let stopped = false;
        const stopping = consumer.stop().then(() => (stopped = true));
        await pause(300);
        expect(stopped).toBe(false); // waits for the message in hand
        release();
        await stopping;
        expect(inHandDone).toBe(true);
        expect(first).toEqual(all.slice(0, 5).map((e) => e.id));

        const second: string[] = [];
        await consume({
          groupId: group,
          topics: [topic],
          handlers: { [TYPE_CREATED]: async (e) => void second.push(e.id) },
        });
        await waitFor('the rest', () => second.includes(all[9]!.id));
        // No loss; at most the message that was in hand is seen again.
        expect([all.slice(5).map((e) => e.id), all.slice(4).map((e) => e.id)]).toContainEqual(second);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'stop() during retries neither skips nor dead-letters the message',
      async () => {
        const { topic, group } = names();
        const failing = envelope(TYPE_CREATED, 'thing-1', { n: 1 });
        await bus.publish(topic, [failing]);
        const attempts: number[] = [];
        const consumer = await consume({
          groupId: group,
          topics: [topic],
          maxAttempts: 5,
          retryBackoffMs: 10_000,
          handlers: {
            [TYPE_CREATED]: async (_e, context) => {
              attempts.push(context.attempt);
              throw new Error('down for now');
            },
          },
        });
        await waitFor('the first attempt', () => attempts.length >= 1);
        const started = Date.now();
        await consumer.stop();
        expect(Date.now() - started).toBeLessThan(5000); // does not sit out the 10 s backoff
        expect(attempts).toEqual([1]);

        const later: { id: string; attempt: number }[] = [];
        await consume({
          groupId: group,
          topics: [topic],
          handlers: { [TYPE_CREATED]: async (e, context) => void later.push({ id: e.id, attempt: context.attempt }) },
        });
        const dead = await readRaw(`${topic}.dlt`);
        await waitFor('the redelivery', () => later.length >= 1);
        await pause(300);
        expect(later).toEqual([{ id: failing.id, attempt: 1 }]);
        expect(dead).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'refuses bad publish input and publishes nothing of that call',
      async () => {
        const { topic, group } = names();
        const good = envelope(TYPE_CREATED, 'thing-1', { n: 1 });
        const refused = async (promise: Promise<unknown>): Promise<Error> => {
          try {
            await promise;
          } catch (error) {
            return error as Error;
          }
          throw new Error('expected publish to be refused');
        };

        const wrongSpec = await refused(
          bus.publish(topic, [good, { ...good, id: randomUUID(), specversion: '0.3' as '1.0' }]),
        );
        expect(wrongSpec.name).toBe('InvalidPublishError');
        expect(wrongSpec.message).toContain('envelopes[1].specversion');
        const noSubject = await refused(bus.publish(topic, [{ ...good, subject: '' }]));
        expect(noSubject.message).toContain('envelopes[0].subject');
        const badTime = await refused(bus.publish(topic, [{ ...good, time: 'yesterday' }]));
        expect(badTime.message).toContain('time');
        const notAnObject = await refused(bus.publish(topic, [null as unknown as IntegrationEnvelope]));
        expect(notAnObject.message).toContain('envelopes[0]');
        const badTopic = await refused(bus.publish('no spaces or slashes/here', [good]));
        expect(badTopic.message).toContain('topic');
        const badOptions = await refused(bus.consume({ groupId: '', topics: [topic], handlers: {} }));
        expect(badOptions.message).toContain('groupId');

        const sentinel = envelope(TYPE_CREATED, 'thing-1', { n: 'sentinel' });
        await bus.publish(topic, [sentinel]);
        const got: string[] = [];
        await consume({
          groupId: group,
          topics: [topic],
          handlers: { [TYPE_CREATED]: async (e) => void got.push(e.id) },
        });
        await waitFor('the sentinel', () => got.length >= 1);
        await pause(200);
        expect(got).toEqual([sentinel.id]);
      },
      TEST_TIMEOUT_MS,
    );

    describe('batch consumption (onBatch)', () => {
      const ids = (items: ReadonlyArray<BatchItem>) => items.map((i) => i.envelope.id);

      it(
        'delivers everything in batches of at most maxBatchSize, one partition per batch, each key in order',
        async () => {
          const { topic, group } = names();
          const keys = ['office-a', 'office-b', 'office-c', 'office-d', 'office-e'];
          const all: IntegrationEnvelope[] = [];
          for (let seq = 0; seq < 50; seq++) for (const key of keys) all.push(envelope(TYPE_CREATED, key, { seq }));
          for (let i = 0; i < all.length; i += 25) await bus.publish(topic, all.slice(i, i + 25));

          const batches: BatchItem[][] = [];
          let count = 0;
          await consume({
            groupId: group,
            topics: [topic],
            maxBatchSize: 20,
            onBatch: async (items) => {
              batches.push([...items]);
              count += items.length;
            },
          });
          await waitFor('250 envelopes', () => count >= all.length);
          await pause(200);

          expect(count).toBe(all.length);
          const byId = new Map(all.map((e) => [e.id, e]));
          const seen = new Map<string, number[]>();
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThanOrEqual(1);
            expect(batch.length).toBeLessThanOrEqual(20);
            expect(new Set(batch.map((i) => `${i.context.topic}/${i.context.partition}`)).size).toBe(1);
            const offsets = batch.map((i) => BigInt(i.context.offset));
            offsets.slice(1).forEach((o, n) => expect(o > offsets[n]!).toBe(true));
            for (const { envelope: e, context } of batch) {
              expect(e).toEqual(byId.get(e.id));
              expect(context).toMatchObject({ topic, key: e.subject, attempt: 1 });
              expect(context.headers).toMatchObject({ ce_type: e.type, ce_id: e.id });
              seen.set(e.subject, [...(seen.get(e.subject) ?? []), (e.data as { seq: number }).seq]);
            }
          }
          expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThan(1); // really batched
          const inOrder = Array.from({ length: 50 }, (_, i) => i);
          for (const key of keys) expect(seen.get(key)).toEqual(inOrder);
        },
        TEST_TIMEOUT_MS,
      );

      it(
        'passes only batchTypes and acknowledges the others',
        async () => {
          const { topic, group } = names();
          const wanted = [envelope(TYPE_CREATED, 'thing-1', { n: 1 }), envelope(TYPE_CREATED, 'thing-1', { n: 3 })];
          const other = [envelope(TYPE_RENAMED, 'thing-1', { n: 2 }), envelope('conformance.Unknown', 'thing-1')];
          await bus.publish(topic, [wanted[0]!, other[0]!, wanted[1]!, other[1]!]);
          const got: string[] = [];
          const consumer = await consume({
            groupId: group,
            topics: [topic],
            batchTypes: [TYPE_CREATED],
            onBatch: async (items) => void got.push(...ids(items)),
          });
          await waitFor('2 envelopes', () => got.length >= 2);
          await pause(200);
          expect(got).toEqual(wanted.map((e) => e.id));
          await consumer.stop();

          // The skipped ones were acknowledged: the group carries on after them.
          const sentinel = envelope(TYPE_RENAMED, 'thing-1', { n: 'sentinel' });
          await bus.publish(topic, [sentinel]);
          const later: string[] = [];
          await consume({ groupId: group, topics: [topic], onBatch: async (items) => void later.push(...ids(items)) });
          await waitFor('the sentinel', () => later.length >= 1);
          await pause(200);
          expect(later).toEqual([sentinel.id]);
        },
        TEST_TIMEOUT_MS,
      );

      it(
        'refuses onBatch together with handlers or onRaw, and bad batch options',
        async () => {
          const { topic, group } = names();
          const onBatch = async () => undefined;
          await expect(bus.consume({ groupId: group, topics: [topic], onBatch, handlers: {} })).rejects.toThrow(
            /onBatch/,
          );
          await expect(
            bus.consume({ groupId: group, topics: [topic], onBatch, onRaw: async () => undefined }),
          ).rejects.toThrow(/onBatch/);
          await expect(bus.consume({ groupId: group, topics: [topic], onBatch, maxBatchSize: 0 })).rejects.toThrow(
            /maxBatchSize/,
          );
          await expect(
            bus.consume({ groupId: group, topics: [topic], handlers: {}, batchTypes: [TYPE_CREATED] }),
          ).rejects.toThrow(/batchTypes/);
        },
        TEST_TIMEOUT_MS,
      );

      it(
        'retries a failing batch as a whole with the attempt number, then hands it over once',
        async () => {
          const { topic, group } = names();
          const all = Array.from({ length: 12 }, (_, i) => envelope(TYPE_CREATED, `thing-${i % 3}`, { i }));
          await bus.publish(topic, all);
          const calls: { ids: string[]; attempts: number[] }[] = [];
          const handled: string[] = [];
          await consume({
            groupId: group,
            topics: [topic],
            maxAttempts: 5,
            retryBackoffMs: 10,
            onBatch: async (items) => {
              const attempt = items[0]!.context.attempt;
              calls.push({ ids: ids(items), attempts: items.map((i) => i.context.attempt) });
              if (attempt < 3) throw new Error(`transient failure ${attempt}`);
              handled.push(...ids(items));
            },
          });
          const dead = await readRaw(`${topic}.dlt`);
          await waitFor('every envelope handled', () => handled.length >= all.length);
          await pause(300);

          expect([...handled].sort()).toEqual(all.map((e) => e.id).sort());
          expect(calls.length % 3).toBe(0);
          for (let n = 0; n < calls.length; n += 3) {
            const [one, two, three] = [calls[n]!, calls[n + 1]!, calls[n + 2]!];
            expect(two.ids).toEqual(one.ids); // the same batch, retried whole
            expect(three.ids).toEqual(one.ids);
            expect([one, two, three].map((c) => [...new Set(c.attempts)])).toEqual([[1], [2], [3]]);
          }
          expect(dead).toEqual([]);
        },
        TEST_TIMEOUT_MS,
      );

      it(
        'dead-letters the one envelope a batch always fails on, with the error in headers, and handles its neighbours',
        async () => {
          const { topic, group } = names();
          const all = Array.from({ length: 8 }, (_, i) =>
            envelope(
              TYPE_CREATED,
              'thing-1',
              { i },
              i === 3 ? { traceparent: '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01' } : {},
            ),
          );
          const bad = all[3]!;
          await bus.publish(topic, all);
          const failedSizes: number[] = [];
          const badAttempts: number[] = [];
          const handled: string[] = [];
          await consume({
            groupId: group,
            topics: [topic],
            maxAttempts: 3,
            retryBackoffMs: 5,
            onBatch: async (items) => {
              if (items.some((i) => i.envelope.id === bad.id)) {
                failedSizes.push(items.length);
                if (items.length === 1) badAttempts.push(items[0]!.context.attempt);
                throw new Error(`boom: cannot project ${bad.id}`);
              }
              handled.push(...ids(items));
            },
          });
          const dead = await readRaw(`${topic}.dlt`);
          await waitFor('the neighbours and the dead letter', () => handled.length >= 7 && dead.length >= 1);
          await pause(300);

          expect(handled).toEqual(all.filter((e) => e !== bad).map((e) => e.id)); // in order, each once
          expect(failedSizes.some((n) => n > 1)).toBe(true); // it did fail inside a bigger batch
          expect(badAttempts).toEqual([1, 2, 3]); // then alone, with the normal retries
          expect(dead).toHaveLength(1);
          const letter = dead[0]!;
          expect(JSON.parse(letter.value!)).toEqual(bad);
          expect(letter.key).toBe(bad.subject);
          expect(letter.headers[DEAD_LETTER_HEADERS.reason]).toBe('handler-failed');
          expect(letter.headers[DEAD_LETTER_HEADERS.error]).toContain(`boom: cannot project ${bad.id}`);
          expect(letter.headers[DEAD_LETTER_HEADERS.attempts]).toBe('3');
          expect(letter.headers[DEAD_LETTER_HEADERS.originalTopic]).toBe(topic);
          expect(letter.headers[DEAD_LETTER_HEADERS.originalPartition]).toMatch(/^\d+$/);
          expect(letter.headers[DEAD_LETTER_HEADERS.originalOffset]).toMatch(/^\d+$/);
          expect(letter.headers).toMatchObject({ ce_id: bad.id, traceparent: bad.traceparent });
        },
        TEST_TIMEOUT_MS,
      );

      it(
        'dead-letters poison inside a batch on its own and passes the rest, upcast, in order',
        async () => {
          const { topic, group } = names();
          const notJson = '{"specversion":"1.0", this is not JSON';
          const good1 = envelope(TYPE_PRICE, 'price-1', { amountTiyn: '100', currency: 'KZT' }, { dataversion: 2 });
          const tooNew = envelope(TYPE_PRICE, 'price-1', { amountTiyn: '1', currency: 'KZT' }, { dataversion: 3 });
          const old = envelope(TYPE_PRICE, 'price-1', { amount: 15 }, { dataversion: 1 });
          const invalid = envelope(TYPE_PRICE, 'price-1', { amountTiyn: 'a lot', currency: 'KZT' }, { dataversion: 2 });
          // Not in batchTypes: skipped before any contract check, so not poison although unknown.
          const unrelated = envelope(TYPE_CREATED, 'price-1', { n: 1 });
          const good2 = envelope(TYPE_PRICE, 'price-1', { amountTiyn: '7', currency: 'KZT' }, { dataversion: 2 });
          await sut.publishRaw(topic, { key: 'price-1', value: notJson, headers: { 'content-type': 'text/plain' } });
          for (const e of [good1, tooNew, old, invalid, unrelated, good2]) await sut.publishRaw(topic, rawEnvelope(e));

          const batches: IntegrationEnvelope[][] = [];
          await consume({
            groupId: group,
            topics: [topic],
            contracts: new ContractRegistry([priceContract]),
            batchTypes: [TYPE_PRICE],
            maxAttempts: 3,
            retryBackoffMs: 5,
            onBatch: async (items) => void batches.push(items.map((i) => i.envelope)),
          });
          const dead = await readRaw(`${topic}.dlt`);
          await waitFor('3 good envelopes and 3 dead letters', () => batches.flat().length >= 3 && dead.length >= 3);
          await pause(300);

          expect(batches.flat()).toEqual([
            good1,
            { ...old, dataversion: 2, data: { amountTiyn: '1500', currency: 'KZT' } },
            good2,
          ]);
          expect(dead).toHaveLength(3);
          expect(dead.map((d) => d.headers[DEAD_LETTER_HEADERS.reason])).toEqual(['poison', 'poison', 'poison']);
          expect(dead.map((d) => d.headers[DEAD_LETTER_HEADERS.attempts])).toEqual(['0', '0', '0']);
          expect(dead[0]!.value).toBe(notJson);
          expect(dead[0]!.headers[DEAD_LETTER_HEADERS.error]).toMatch(/not a JSON envelope/);
          expect(JSON.parse(dead[1]!.value!)).toEqual(tooNew);
          expect(dead[1]!.headers[DEAD_LETTER_HEADERS.error]).toMatch(/v3 is newer than v2/);
          expect(JSON.parse(dead[2]!.value!)).toEqual(invalid);
          expect(dead[2]!.headers[DEAD_LETTER_HEADERS.error]).toMatch(/data\.amountTiyn/);
        },
        TEST_TIMEOUT_MS,
      );

      it(
        'stop() finishes the batch in hand and a new member of the group resumes with nothing lost',
        async () => {
          const { topic, group } = names();
          const all = Array.from({ length: 10 }, (_, i) => envelope(TYPE_CREATED, 'thing-1', { i }));
          await bus.publish(topic, all);

          const first: string[] = [];
          let release!: () => void;
          const gate = new Promise<void>((resolve) => (release = resolve));
          let inHandDone = false;
          const consumer = await consume({
            groupId: group,
            topics: [topic],
            maxBatchSize: 3,
            onBatch: async (items) => {
              first.push(...ids(items));
              if (first.length === 6) {
                await gate;
                inHandDone = true;
              }
            },
          });
          await waitFor('2 batches', () => first.length >= 6);
          let stopped = false;
          const stopping = consumer.stop().then(() => (stopped = true));
          await pause(300);
          expect(stopped).toBe(false); // waits for the batch in hand
          release();
          await stopping;
          expect(inHandDone).toBe(true);
          expect(first).toEqual(all.slice(0, 6).map((e) => e.id));

          const second: string[] = [];
          await consume({
            groupId: group,
            topics: [topic],
            maxBatchSize: 3,
            onBatch: async (items) => void second.push(...ids(items)),
          });
          await waitFor('the rest', () => second.includes(all[9]!.id));
          await pause(200);
          // No loss; at most the batch that was in hand is seen again.
          expect([all.slice(6).map((e) => e.id), all.slice(3).map((e) => e.id)]).toContainEqual(second);
        },
        TEST_TIMEOUT_MS,
      );

      it(
        'stop() during batch retries neither skips nor dead-letters the batch',
        async () => {
          const { topic, group } = names();
          const all = Array.from({ length: 3 }, (_, i) => envelope(TYPE_CREATED, 'thing-1', { i }));
          await bus.publish(topic, all);
          const attempts: number[] = [];
          const consumer = await consume({
            groupId: group,
            topics: [topic],
            maxAttempts: 5,
            retryBackoffMs: 10_000,
            onBatch: async (items) => {
              attempts.push(items[0]!.context.attempt);
              throw new Error('down for now');
            },
          });
          await waitFor('the first attempt', () => attempts.length >= 1);
          const started = Date.now();
          await consumer.stop();
          expect(Date.now() - started).toBeLessThan(5000); // does not sit out the 10 s backoff
          expect(attempts).toEqual([1]);

          const later: { id: string; attempt: number }[] = [];
          await consume({
            groupId: group,
            topics: [topic],
            onBatch: async (items) =>
              void later.push(...items.map((i) => ({ id: i.envelope.id, attempt: i.context.attempt }))),
          });
          const dead = await readRaw(`${topic}.dlt`);
          await waitFor('the redelivery', () => later.length >= 3);
          await pause(300);
          expect(later).toEqual(all.map((e) => ({ id: e.id, attempt: 1 })));
          expect(dead).toEqual([]);
        },
        TEST_TIMEOUT_MS,
      );
    });
  });
}

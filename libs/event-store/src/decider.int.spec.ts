import { createTestDatabase, type TestDatabase } from '@adal/testing';
import { aggregateStream, handleCommand, type Decider } from './decider.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

// A tiny counter with a ceiling: enough to show read-decide-append and the retry on conflict.
type Command = { type: 'Increment'; by: number };
type Event = { type: 'Incremented'; data: { by: number } };
type State = { total: number };
const counter: Decider<Command, State, Event> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) => {
    if (state.total + command.by > 10) throw new Error('ceiling reached');
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
};

describe('handleCommand on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = await createTestDatabase('decider');
    store = await PostgresEventStore.create({ connectionString: database.url, schema: 'decider' });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('given no events, when a command is handled, then its events are appended and folded', async () => {
    const result = await handleCommand(store, 'counter-a', { type: 'Increment', by: 3 }, counter);
    expect(result.state).toEqual({ total: 3 });
    expect(result.appended?.nextExpectedRevision).toBe(0n);
    expect(await aggregateStream(store, 'counter-a', counter)).toEqual({ state: { total: 3 }, revision: 0n });
  });

  it('re-decides on fresh state after a concurrent append, so invariants hold under races', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => handleCommand(store, 'counter-b', { type: 'Increment', by: 2 }, counter, { retries: 10 })),
    );
    // Ceiling 10 with steps of 2: exactly five succeed, three are refused by the domain rule.
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.map((r) => (r.reason as Error).message)).toEqual(Array(3).fill('ceiling reached'));
    expect((await aggregateStream(store, 'counter-b', counter)).state).toEqual({ total: 10 });
  });
});

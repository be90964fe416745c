/**
 * Given/when/then for deciders, for unit specs (Jest globals):
 *
 *   const { given } = specFor(budgetLineDecider);
 *   given([opened]).when(commit).then([committed]);           // exactly these events
 *   given([opened]).when(tooMuch).then('ALLOCATION_EXCEEDED'); // refused with this code
 *   given([opened]).when(bad).then({ code: 'INVALID_DATE', field: 'date' });
 *   given([approved]).when(sameAgain).then([]);                // accepted, nothing happens
 *
 * `then` also checks what the store would do to the events: they must survive a JSON round trip
 * unchanged (no `undefined` fields, Dates or bigints), and `evolve` must fold them. It returns the
 * state after the new events, for further assertions.
 */
import type { Decider, DomainEvent } from '@adal/event-store';
import { DomainError, type DomainErrorCode } from '../shared/domain-error.js';

export type Expectation<Event> = readonly Event[] | DomainErrorCode | { code: DomainErrorCode; field?: string };

export interface When<State, Event> {
  then(expected: Expectation<Event>): State;
}

export interface Given<Command, State, Event> {
  when(command: Command): When<State, Event>;
}

const foldAll = <Command, State, Event extends DomainEvent>(
  decider: Decider<Command, State, Event>,
  state: State,
  events: readonly Event[],
): State => events.reduce((current, event) => decider.evolve(current, event), state);

export const specFor = <Command, State, Event extends DomainEvent>(decider: Decider<Command, State, Event>) => ({
  given: (history: readonly Event[] = []): Given<Command, State, Event> => ({
    when: (command: Command): When<State, Event> => ({
      then: (expected: Expectation<Event>): State => {
        if (typeof expected === 'function') {
          throw new TypeError('then(expected) is an assertion, not a promise: do not await given/when');
        }
        const state = foldAll(decider, decider.initialState(), history);
        if (typeof expected === 'string' || !Array.isArray(expected)) {
          const { code, field } =
            typeof expected === 'string'
              ? { code: expected, field: undefined }
              : (expected as { code: DomainErrorCode; field?: string });
          let produced: Event[] | undefined;
          try {
            produced = decider.decide(command, state);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe(code);
            if (field !== undefined) expect((error as DomainError).field).toBe(field);
            return state;
          }
          throw new Error(`Expected refusal ${code}, but the decider produced ${JSON.stringify(produced)}`);
        }
        const events = decider.decide(command, state);
        expect(events).toEqual(expected);
        expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
        return foldAll(decider, state, events);
      },
    }),
  }),
});

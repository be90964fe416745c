/**
 * Given/when/then for deciders, for unit specs (Jest globals). A domain binds it to its refusal
 * codes once (`export const specFor = givenWhenThen<DomainErrorCode>();`), then:
 *
 *   const { given } = specFor(receptionCalendarDecider);
 *   given([dayOpened]).when(holdSlot).then([slotHeld]);        // exactly these events
 *   given([dayOpened]).when(lateHold).then('SLOT_IN_PAST');     // refused with this code
 *   given([dayOpened]).when(bad).then({ code: 'INVALID_TIME', field: 'slotStart' });
 *   given([released]).when(release).then([]);                   // accepted, nothing happens
 *
 * `then` also checks what the store would do to the events: they must survive a JSON round trip
 * unchanged (no `undefined` fields, Dates or bigints), and `evolve` must fold them. It returns the
 * state after the new events, for further assertions. A refusal must be a `DomainError`.
 */
import { DomainError } from '../errors/domain-error.js';

/** What a spec drives: `@adal/event-store`'s `Decider`, structurally. */
export interface SpecDecider<Command, State, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export type Expectation<Event, Code extends string> = readonly Event[] | Code | { code: Code; field?: string };

export interface When<State, Event, Code extends string> {
  then(expected: Expectation<Event, Code>): State;
}

export interface Given<Command, State, Event, Code extends string> {
  when(command: Command): When<State, Event, Code>;
}

export type SpecFor<Code extends string> = <Command, State, Event>(
  decider: SpecDecider<Command, State, Event>,
) => { given: (history?: readonly Event[]) => Given<Command, State, Event, Code> };

const foldAll = <State, Event>(
  decider: SpecDecider<unknown, State, Event>,
  state: State,
  events: readonly Event[],
): State => events.reduce((current, event) => decider.evolve(current, event), state);

/** `specFor` for the deciders of a domain whose refusal codes are `Code`. */
export const givenWhenThen =
  <Code extends string>(): SpecFor<Code> =>
  <Command, State, Event>(decider: SpecDecider<Command, State, Event>) => ({
    given: (history: readonly Event[] = []): Given<Command, State, Event, Code> => ({
      when: (command: Command): When<State, Event, Code> => ({
        then: (expected: Expectation<Event, Code>): State => {
          if (typeof expected === 'function') {
            throw new TypeError('then(expected) is an assertion, not a promise: do not await given/when');
          }
          const state = foldAll(decider, decider.initialState(), history);
          if (typeof expected === 'string' || !Array.isArray(expected)) {
            const { code, field } =
              typeof expected === 'string'
                ? { code: expected, field: undefined }
                : (expected as { code: Code; field?: string });
            let produced: Event[] | undefined;
            try {
              produced = decider.decide(command, state);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError<Code>).code).toBe(code);
              if (field !== undefined) expect((error as DomainError<Code>).field).toBe(field);
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

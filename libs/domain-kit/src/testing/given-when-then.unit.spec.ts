import { domainErrorClass } from '../errors/domain-error.js';
import { messageRenderer } from '../errors/messages.js';
import { givenWhenThen, type SpecDecider } from './given-when-then.js';

type Code = 'TOO_MANY';
const KINDS = { TOO_MANY: 'conflict' } as const;
const render = messageRenderer<Code>({
  TOO_MANY: { kk: 'Тым көп: ең көбі {max}.', ru: 'Слишком много: не более {max}.', en: 'Too many: at most {max}.' },
}).render;
class CounterError extends domainErrorClass(KINDS, render) {}

type Command = { type: 'Add'; data: { by: number } };
type Event = { type: 'Added'; data: { by: number } };
/** A counter that refuses to go above 3. */
const counter: SpecDecider<Command, number, Event> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: ({ data: { by } }, total) => {
    if (total + by > 3) throw new CounterError('TOO_MANY', { field: 'by', params: { max: 3 } });
    return by === 0 ? [] : [{ type: 'Added', data: { by } }];
  },
};
const add = (by: number): Command => ({ type: 'Add', data: { by } });
const added = (by: number): Event => ({ type: 'Added', data: { by } });

const { given } = givenWhenThen<Code>()(counter);

describe('given/when/then for deciders', () => {
  describe('given a history', () => {
    it('when the command is accepted, then the events are checked and the new state is returned', () => {
      expect(
        given([added(1)])
          .when(add(2))
          .then([added(2)]),
      ).toBe(3);
      expect(given().when(add(0)).then([])).toBe(0);
    });

    it('when the command is refused, then the code and the field are checked', () => {
      expect(
        given([added(3)])
          .when(add(1))
          .then('TOO_MANY'),
      ).toBe(3);
      given([added(3)])
        .when(add(1))
        .then({ code: 'TOO_MANY', field: 'by' });
    });

    it('when the decider does something else, then the spec fails', () => {
      expect(() =>
        given()
          .when(add(1))
          .then([added(2)]),
      ).toThrow();
      expect(() => given().when(add(1)).then('TOO_MANY')).toThrow(/Expected refusal TOO_MANY/);
      expect(() =>
        given([added(3)])
          .when(add(1))
          .then({ code: 'TOO_MANY', field: 'other' }),
      ).toThrow();
    });
  });
});

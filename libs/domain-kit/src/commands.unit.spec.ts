import { canonicalJson, sameJson, unknownCommand } from './commands.js';

describe('command helpers', () => {
  describe('given a command type the decider does not know', () => {
    it('then it is a programming error (TypeError) naming the type', () => {
      const command = { type: 'Teleport', data: {} } as never;
      expect(() => unknownCommand(command)).toThrow(new TypeError('Unknown command type: "Teleport"'));
    });
  });

  describe('given two JSON values', () => {
    it('when only the order of their keys differs, then they are the same', () => {
      expect(sameJson({ a: 1, b: { c: [1, { e: 2, d: 3 }] } }, { b: { c: [1, { d: 3, e: 2 }] }, a: 1 })).toBe(true);
      expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    });

    it('when a value or the order of an array differs, then they are not', () => {
      expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
      expect(sameJson([1, 2], [2, 1])).toBe(false);
    });
  });
});

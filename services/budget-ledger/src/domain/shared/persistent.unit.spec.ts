import fc from 'fast-check';
import { PersistentMap, PersistentSet } from './persistent.js';

describe('PersistentMap', () => {
  it('returns new versions and leaves the old ones as they were', () => {
    const empty = PersistentMap.empty<string, number>();
    const one = empty.with('a', 1);
    const two = one.with('b', 2);
    const changed = two.with('a', 10);
    expect([...empty]).toEqual([]);
    expect([...one]).toEqual([['a', 1]]);
    expect([...two]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect([...changed]).toEqual([
      ['a', 10],
      ['b', 2],
    ]);
    expect([one.size, two.size, changed.size]).toEqual([1, 2, 2]);
    expect(one.get('a')).toBe(1);
    expect(one.has('b')).toBe(false);
    expect(changed.get('a')).toBe(10);
  });

  it('branches from an older version without disturbing the newer one', () => {
    const base = PersistentMap.of([['a', 1]]);
    const left = base.with('b', 2);
    const right = base.with('c', 3); // base is no longer the newest: this copies
    expect([...left.keys()]).toEqual(['a', 'b']);
    expect([...right.keys()]).toEqual(['a', 'c']);
    expect(left.with('d', 4).has('c')).toBe(false);
    expect(right.with('d', 4).has('b')).toBe(false);
    expect([...base]).toEqual([['a', 1]]);
  });

  it('is a ReadonlyMap: values, forEach, a Map from it', () => {
    const map = PersistentMap.of([
      ['x', 1],
      ['y', 2],
    ]);
    expect([...map.values()]).toEqual([1, 2]);
    const seen: string[] = [];
    map.forEach((value, key) => seen.push(`${key}=${value}`));
    expect(seen).toEqual(['x=1', 'y=2']);
    expect(new Map(map)).toEqual(
      new Map([
        ['x', 1],
        ['y', 2],
      ]),
    );
  });

  it('behaves like copying a Map on every change, whatever versions are extended (model test)', () => {
    const op = fc.record({ from: fc.nat(), key: fc.integer({ min: 0, max: 8 }), value: fc.integer() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const versions = [PersistentMap.empty<number, number>()];
        const models = [new Map<number, number>()];
        for (const { from, key, value } of ops) {
          const i = from % versions.length;
          versions.push(versions[i]!.with(key, value));
          models.push(new Map(models[i]!).set(key, value));
        }
        versions.forEach((version, i) => {
          expect(new Map(version)).toEqual(models[i]);
          expect(version.size).toBe(models[i]!.size);
          for (let key = 0; key <= 8; key++) expect(version.get(key)).toBe(models[i]!.get(key));
        });
      }),
    );
  });
});

describe('PersistentSet', () => {
  it('adds without changing older versions and keeps insertion order', () => {
    const empty = PersistentSet.empty<string>();
    const ab = empty.with('a').with('b');
    expect(ab.with('a')).toBe(ab);
    expect([...ab]).toEqual(['a', 'b']);
    expect(ab.size).toBe(2);
    expect(empty.has('a')).toBe(false);
    expect(new Set(PersistentSet.of(['x', 'y', 'x']))).toEqual(new Set(['x', 'y']));
    const seen: string[] = [];
    ab.forEach((value) => seen.push(value));
    expect(seen).toEqual(['a', 'b']);
  });
});

import { citizenRefOf } from './auth/citizen-ref.js';
import { actorOf, decodeActor, encodeActor } from './auth/principal.js';
import { negotiateLanguage } from './i18n/language.js';
import { translate } from './i18n/messages.js';
import { FixedWindowThrottlerStorage } from './rate-limit/fixed-window.storage.js';
import { validate } from 'class-validator';
import { daysBetween, IsText, isDateOnly, isTimeOfDay } from './validation/rules.js';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['kk', 'kk'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8', 'ru'],
    ['en-GB, kk;q=0.5', 'en'],
    ['de-DE, fr;q=0.9', undefined],
    ['de, ru;q=0.3, en;q=0.7', 'en'],
    ['ru;q=0, en;q=0.1', 'en'],
    ['KK-kz', 'kk'],
    ['*', undefined],
  ])('%p -> %p', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe('citizenRefOf', () => {
  it('is the first 32 characters of base64url(HMAC-SHA256(key, IIN)), stable per key', () => {
    const key = 'k'.repeat(32);
    const ref = citizenRefOf(key, '920015400011');
    expect(ref).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(citizenRefOf(key, '920015400011')).toBe(ref);
    expect(citizenRefOf('j'.repeat(32), '920015400011')).not.toBe(ref);
    expect(citizenRefOf(key, '850007300022')).not.toBe(ref);
    expect(ref).not.toContain('920015400011');
  });
});

describe('actor header', () => {
  it('round-trips as base64url JSON and carries no name', () => {
    const actor = actorOf(
      {
        sub: 'u1',
        roles: ['official'],
        officialId: 'official-psc-head',
        name: { kk: 'А', ru: 'А', en: 'A' },
        expiresAt: 1,
      },
      'en',
    );
    expect(actor).toEqual({ sub: 'u1', roles: ['official'], officialId: 'official-psc-head', lang: 'en' });
    const header = encodeActor(actor);
    expect(header).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeActor(header)).toEqual(actor);
  });
});

describe('translate', () => {
  it('fills parameters in each language', () => {
    expect(translate('field.length', 'en', { min: 1, max: 1000 })).toBe('must be 1 to 1000 characters long');
    expect(translate('field.length', 'ru', { min: 1, max: 1000 })).toBe('длина должна быть от 1 до 1000 символов');
    expect(translate('field.length', 'kk', { min: 1, max: 1000 })).toBe('ұзындығы 1–1000 таңба болуы керек');
  });
});

describe('date and time rules', () => {
  it.each([
    ['2026-12-01', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['01.12.2026', false],
  ])('isDateOnly(%p) = %p', (value, expected) => expect(isDateOnly(value)).toBe(expected));

  it.each([
    ['00:00', true],
    ['23:59', true],
    ['24:00', false],
    ['9:00', false],
    ['12:60', false],
  ])('isTimeOfDay(%p) = %p', (value, expected) => expect(isTimeOfDay(value)).toBe(expected));

  it('counts days across months', () => {
    expect(daysBetween('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});

describe('FixedWindowThrottlerStorage', () => {
  it('counts hits per key in a fixed window and blocks above the limit until it ends', async () => {
    let now = 1_000_000;
    const storage = new FixedWindowThrottlerStorage(() => now);
    try {
      expect(await storage.increment('a', 60_000, 2, 60_000, 'default')).toEqual({
        totalHits: 1,
        timeToExpire: 60,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
      await storage.increment('a', 60_000, 2, 60_000, 'default');
      now += 15_000;
      expect(await storage.increment('a', 60_000, 2, 60_000, 'default')).toMatchObject({
        totalHits: 3,
        isBlocked: true,
        timeToBlockExpire: 45,
      });
      expect((await storage.increment('b', 60_000, 2, 60_000, 'default')).isBlocked).toBe(false);
      now += 45_000;
      expect(await storage.increment('a', 60_000, 2, 60_000, 'default')).toMatchObject({
        totalHits: 1,
        isBlocked: false,
      });
      now += 60_000;
      storage.sweep();
      expect(storage.size).toBe(0);
    } finally {
      storage.onApplicationShutdown();
    }
  });

  it('stays O(1) with a benchmark-sized limit', async () => {
    const storage = new FixedWindowThrottlerStorage();
    try {
      for (let i = 0; i < 100_000; i++) await storage.increment('bench', 60_000, 10_000_000, 60_000, 'default');
      expect(storage.size).toBe(1);
    } finally {
      storage.onApplicationShutdown();
    }
  });
});

describe('IsText', () => {
  class Search {
    @IsText(1, 100)
    q?: string;

    @IsText(1, 500, { lineBreaks: true })
    note?: string;
  }
  const failures = async (values: Partial<Search>) => {
    const errors = await validate(Object.assign(new Search(), values));
    return errors.map((e) => ({ field: e.property, rules: Object.keys(e.constraints ?? {}), contexts: e.contexts }));
  };

  it('refuses control characters (NUL first) as a type failure naming the field', async () => {
    for (const q of ['a\u0000', 'a\nb', '\tx', 'x\u007f', 'x\u0085']) {
      const [failure] = await failures({ q });
      expect(failure).toMatchObject({ field: 'q', rules: ['noControlCharacters'] });
      expect(failure?.contexts?.['noControlCharacters']).toMatchObject({
        key: 'field.controlCharacters',
        kind: 'type',
      });
    }
    expect(translate('field.controlCharacters', 'ru')).toBe('не должно содержать управляющих символов');
  });

  it('takes plain text, and line breaks only where a multi-line text is allowed', async () => {
    expect(await failures({ q: 'әкімдік "Алатау"', note: 'first line\r\n\tsecond' })).toEqual([]);
    expect(await failures({ note: 'bad\u0000' })).toMatchObject([{ field: 'note', rules: ['noControlCharacters'] }]);
  });
});

// The three dictionaries must say the same things: identical key sets, no empty text, the same
// {placeholders} in every language, and no stray English left in the Kazakh and Russian ones.
import { en } from './messages/en';
import { kk } from './messages/kk';
import { ru } from './messages/ru';

const dictionaries = { kk, ru, en } as Record<string, Record<string, string>>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('web app dictionaries', () => {
  it('have identical key sets in kk, ru and en', () => {
    const keys = Object.keys(kk).sort();
    expect(keys.length).toBeGreaterThan(100);
    expect(Object.keys(ru).sort()).toEqual(keys);
    expect(Object.keys(en).sort()).toEqual(keys);
  });

  it('have no empty texts and the same placeholders in every language', () => {
    for (const key of Object.keys(kk)) {
      const expected = placeholders(kk[key as keyof typeof kk]);
      for (const [lang, dictionary] of Object.entries(dictionaries)) {
        const text = dictionary[key];
        expect({ lang, key, empty: !text?.trim() }).toEqual({ lang, key, empty: false });
        expect({ lang, key, placeholders: placeholders(text ?? '') }).toEqual({ lang, key, placeholders: expected });
      }
    }
  });

  it('translate every text (only the brand name is the same in all three)', () => {
    const same = Object.keys(kk).filter((key) => {
      const k = key as keyof typeof kk;
      return kk[k] === ru[k] || kk[k] === en[k] || ru[k] === en[k];
    });
    // Texts without letters to translate (a date range) may coincide.
    const withLetters = same.filter((key) => /\p{L}/u.test(kk[key as keyof typeof kk].replace(/\{\w+\}/g, '')));
    expect(withLetters).toEqual(['app.name']);
  });
});

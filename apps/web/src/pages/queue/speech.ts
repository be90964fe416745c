/**
 * Calls said aloud on the hall board with the browser's speech synthesis, in Kazakh and/or
 * Russian. A language is spoken only when the device has a voice for it (`kk-KZ` / `kk`,
 * `ru-RU` / `ru`); with no such voice, or no speech synthesis at all, nothing is said and
 * nothing complains: the board shows every call on screen anyway.
 *
 * Browsers let a page speak only after someone interacted with it, hence the board's
 * "voice announcements" switch (a kiosk TV can be started with autoplay allowed instead).
 */
import { translate, type Lang } from '../../i18n/i18n';

export type SpokenLang = Extract<Lang, 'kk' | 'ru'>;

const WANTED: Record<SpokenLang, string[]> = { kk: ['kk-kz', 'kk'], ru: ['ru-ru', 'ru-kz', 'ru'] };

const synth = (): SpeechSynthesis | undefined =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;

/** The best voice of the device for `lang` (exact region first), or none. */
export const voiceFor = (
  lang: SpokenLang,
  voices: readonly SpeechSynthesisVoice[],
): SpeechSynthesisVoice | undefined => {
  const norm = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  for (const wanted of WANTED[lang]) {
    const found =
      voices.find((v) => norm(v) === wanted) ??
      (wanted.includes('-') ? undefined : voices.find((v) => norm(v).startsWith(`${wanted}-`)));
    if (found) return found;
  }
  return undefined;
};

/** Latin letters as Russian and Kazakh voices say them ("A-007" is "А, 7"). */
const LETTER_NAMES: Record<string, string> = {
  A: 'А',
  B: 'Бэ',
  C: 'Цэ',
  D: 'Дэ',
  E: 'Е',
  F: 'Эф',
  G: 'Гэ',
  H: 'Аш',
  I: 'И',
  J: 'Йот',
  K: 'Ка',
  L: 'Эль',
  M: 'Эм',
  N: 'Эн',
  O: 'О',
  P: 'Пэ',
  Q: 'Ку',
  R: 'Эр',
  S: 'Эс',
  T: 'Тэ',
  U: 'У',
  V: 'Вэ',
  W: 'Дубль-вэ',
  X: 'Икс',
  Y: 'Игрек',
  Z: 'Зэт',
};

/** A ticket number as it should be heard: letters named, the number without leading zeros. */
export const spokenNumber = (number: string): string => {
  const match = /^([A-Za-z]+)[-\s]?0*(\d+)$/.exec(number.trim());
  if (!match) return number;
  const letters = match[1]!
    .toUpperCase()
    .split('')
    .map((l) => LETTER_NAMES[l] ?? l)
    .join(' ');
  return `${letters}, ${match[2]}`;
};

/** What is said for a call, in one language. */
export const callSpeech = (lang: SpokenLang, number: string, desk: string): string =>
  translate(lang, 'queue.callAnnouncement', { number: spokenNumber(number), desk });

/** The device's voices, once it has loaded them (some browsers load them late). */
export const loadVoices = (): Promise<SpeechSynthesisVoice[]> => {
  const speech = synth();
  if (!speech) return Promise.resolve([]);
  const now = speech.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      speech.removeEventListener?.('voiceschanged', done);
      resolve(speech.getVoices());
    };
    speech.addEventListener?.('voiceschanged', done);
    window.setTimeout(done, 1_500);
  });
};

/**
 * Says a call in each of `langs` that has a voice; returns the languages it was said in (empty:
 * nothing was said). Never throws.
 */
export const announceCall = async (
  langs: readonly SpokenLang[],
  number: string,
  desk: string,
): Promise<SpokenLang[]> => {
  const speech = synth();
  if (!speech || typeof window.SpeechSynthesisUtterance === 'undefined') return [];
  try {
    const voices = await loadVoices();
    const said: SpokenLang[] = [];
    for (const lang of langs) {
      const voice = voiceFor(lang, voices);
      if (!voice) continue;
      const utterance = new SpeechSynthesisUtterance(callSpeech(lang, number, desk));
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      speech.speak(utterance);
      said.push(lang);
    }
    return said;
  } catch {
    return [];
  }
};

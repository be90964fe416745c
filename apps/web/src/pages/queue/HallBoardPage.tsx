import { useCallback, useEffect, useRef, useState } from 'react';
import { loadOffices } from '../../api/directory';
import type { BoardCall } from '../../api/views';
import { SelectField } from '../../components/Fields';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { problemText } from '../../components/problems';
import { useLoad, useNow } from '../../hooks';
import { todayInAlmaty, useI18n } from '../../i18n/i18n';
import { useLive } from '../../live';
import { useSearchParam } from '../../router';
import { isDate, loadSetup } from './common';
import { announceCall, type SpokenLang } from './speech';
import { useBoard } from './stream';

/** How many calls the board lists besides the latest. */
const SHOWN_CALLS = 8;
/** How long the latest call stands out after it came. */
const HIGHLIGHT_MS = 12_000;

type VoiceChoice = 'both' | SpokenLang;
const VOICE_LANGS: Record<VoiceChoice, SpokenLang[]> = { both: ['kk', 'ru'], kk: ['kk'], ru: ['ru'] };
const VOICE_KEY = 'adal.queue.voice';

interface VoiceSettings {
  on: boolean;
  choice: VoiceChoice;
}

const storedVoice = (): VoiceSettings => {
  try {
    const raw = JSON.parse(window.localStorage.getItem(VOICE_KEY) ?? 'null') as Partial<VoiceSettings> | null;
    const choice = raw?.choice === 'kk' || raw?.choice === 'ru' ? raw.choice : 'both';
    return { on: raw?.on !== false, choice };
  } catch {
    return { on: true, choice: 'both' };
  }
};

/**
 * The hall board for a TV: the latest call in very large type, the calls before it with their
 * desks, and how many wait per service; live over server-sent events. Each call is said aloud
 * (Kazakh and/or Russian, where the device has such a voice) and shown as text, and it is
 * announced in the page's live region for screen readers.
 */
export const HallBoardPage = ({ officeId }: { officeId: string }) => {
  const { t, pick, fmt } = useI18n();
  const { announce } = useLive();
  const dateParam = useSearchParam('date');
  const date = isDate(dateParam) ? dateParam : todayInAlmaty();
  const [voice, setVoice] = useState<VoiceSettings>(storedVoice);
  const [fresh, setFresh] = useState<string | null>(null);
  const voiceRef = useRef(voice);
  useEffect(() => {
    voiceRef.current = voice;
    try {
      window.localStorage.setItem(VOICE_KEY, JSON.stringify(voice));
    } catch {
      // the choice lasts for this page only
    }
  }, [voice]);

  const context = useLoad(async () => {
    const [offices, setup] = await Promise.all([loadOffices().catch(() => []), loadSetup(officeId)]);
    return { office: offices.find((o) => o.officeId === officeId), setup };
  }, [officeId]);

  const onCall = useCallback(
    (call: BoardCall) => {
      announce(t('queue.callAnnouncement', { number: call.number, desk: call.deskName }), 'assertive');
      setFresh(`${call.number}@${call.calledAt}`);
      if (voiceRef.current.on) void announceCall(VOICE_LANGS[voiceRef.current.choice], call.number, call.deskName);
    },
    [announce, t],
  );
  const { board, error, stream } = useBoard(officeId, date, { onCall });

  useEffect(() => {
    if (!fresh) return;
    const timer = window.setTimeout(() => setFresh(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [fresh]);

  const now = useNow(15_000);
  const officeName = context.data?.office ? pick(context.data.office.name) : officeId;
  const calls = board?.calls ?? [];
  const [latest] = calls;
  // Each ticket once (its latest call: a recall is a call again), the latest call apart.
  const earlier = calls.filter(
    (c, i) => c.number !== latest?.number && calls.findIndex((x) => x.number === c.number) === i,
  );
  const services = context.data?.setup.services ?? [];

  const toggleVoice = () => {
    const on = !voice.on;
    if (on) {
      // Speaking once inside the click lets the browser speak later calls on its own.
      try {
        window.speechSynthesis?.speak(new SpeechSynthesisUtterance(''));
      } catch {
        // no speech synthesis: the board still shows every call
      }
    } else {
      window.speechSynthesis?.cancel();
    }
    setVoice((v) => ({ ...v, on }));
  };

  return (
    <Page title={t('queue.board.title', { office: officeName })} wide>
      <div className="board">
        <p className="board-meta">
          <span className="board-clock">{fmt.instantTime(new Date(now).toISOString())}</span>
          <span>{fmt.date(date)}</span>
          <span className={stream === 'live' ? 'board-live' : 'board-offline'}>
            {stream === 'live' ? t('queue.board.live') : stream === 'reconnecting' ? t('queue.board.reconnecting') : ''}
          </span>
        </p>
        {error && !board ? (
          <Notice kind="error">
            <p>{problemText(error, t)}</p>
          </Notice>
        ) : null}
        {board?.status === 'closed' ? (
          <Notice kind="info">
            <p>{t('queue.board.closed')}</p>
          </Notice>
        ) : null}
        <section
          className={`board-latest${latest && fresh === `${latest.number}@${latest.calledAt}` ? ' board-latest-new' : ''}`}
          aria-labelledby="board-latest-title"
        >
          <h2 id="board-latest-title" className="board-section-title">
            {t('queue.board.latest')}
          </h2>
          {latest ? (
            <p className="board-latest-call" data-testid="board-latest">
              <span className="board-number" translate="no">
                {latest.number}
              </span>
              <span className="board-arrow" aria-hidden="true">
                →
              </span>
              <span className="visually-hidden">: </span>
              <span className="board-desk">{t('queue.desk', { name: latest.deskName })}</span>
            </p>
          ) : (
            <p className="board-empty">{t('queue.board.noCalls')}</p>
          )}
        </section>
        <div className="board-columns">
          <section aria-labelledby="board-calls-title" className="board-calls">
            <h2 id="board-calls-title" className="board-section-title">
              {t('queue.board.calls')}
            </h2>
            <table className="board-table">
              <thead>
                <tr>
                  <th scope="col">{t('queue.board.ticketColumn')}</th>
                  <th scope="col">{t('queue.board.deskColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {earlier.slice(0, SHOWN_CALLS).map((c) => (
                  <tr key={`${c.number}@${c.calledAt}`}>
                    <td translate="no">{c.number}</td>
                    <td>{t('queue.desk', { name: c.deskName })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="board-waiting-title" className="board-waiting">
            <h2 id="board-waiting-title" className="board-section-title">
              {t('queue.board.waiting')}
            </h2>
            <ul className="board-waiting-list">
              {services.map((s) => (
                <li key={s.serviceId}>
                  <span className="board-service">
                    {t('queue.serviceOption', { prefix: s.prefix, name: pick(s.name) })}
                  </span>
                  <span className="board-count">
                    {t('queue.board.waitingCount', { count: fmt.number(board?.waiting[s.serviceId] ?? 0) })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <section aria-labelledby="board-settings-title" className="board-settings">
          <h2 id="board-settings-title" className="visually-hidden">
            {t('queue.board.settings')}
          </h2>
          <button
            type="button"
            className="button button-secondary board-voice"
            aria-pressed={voice.on}
            onClick={toggleVoice}
          >
            {t('queue.board.voice')}
          </button>
          <SelectField
            id="board-voice-language"
            label={t('queue.board.voiceLanguage')}
            value={voice.choice}
            onChange={(e) => {
              const choice = e.target.value === 'kk' || e.target.value === 'ru' ? e.target.value : 'both';
              setVoice((v) => ({ ...v, choice }));
            }}
            options={[
              { value: 'both', label: t('queue.board.voiceBoth') },
              { value: 'kk', label: t('queue.board.voiceKk') },
              { value: 'ru', label: t('queue.board.voiceRu') },
            ]}
          />
        </section>
      </div>
    </Page>
  );
};

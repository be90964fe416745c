import { useCallback, useState } from 'react';
import { api, ok } from '../api/client';
import { loadOffices, loadOfficials } from '../api/directory';
import type { FreeSlot } from '../api/views';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { problemText } from '../components/problems';
import { SlotPicker, type SlotView } from '../components/SlotPicker';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n/i18n';
import { useLive } from '../live';
import { Link, useRouter, useSearchParam } from '../router';
import { isCitizen, useSession } from '../session';
import { RANK_KEYS } from './OfficialsPage';

/** Query string of a slots page, keeping view and week (both linkable). */
export const useSlotParams = () => {
  const { location, navigate } = useRouter();
  const view: SlotView = useSearchParam('view') === 'list' ? 'list' : 'calendar';
  const weekParam = useSearchParam('week');
  const week = weekParam && /^\d{4}-\d{2}-\d{2}$/.test(weekParam) ? weekParam : null;
  const set = useCallback(
    (changes: Record<string, string>) => {
      const params = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) params.set(k, v);
      navigate(`${window.location.pathname}?${params.toString()}`, { replace: true });
    },
    [navigate],
  );
  const onViewChange = useCallback((v: SlotView) => set({ view: v }), [set]);
  const onWeekChange = useCallback((w: string) => set({ week: w }), [set]);
  return { view, week, onViewChange, onWeekChange, path: location.pathname + location.search };
};

/** Step 3: the official's free times; choosing one holds it for the citizen. */
export const SlotsPage = ({ officialId }: { officialId: string }) => {
  const { t, pick, fmt } = useI18n();
  const { session } = useSession();
  const { navigate } = useRouter();
  const { announce, setFlash, takeFlash } = useLive();
  const [flash] = useState(() => takeFlash());
  const { view, week, onViewChange, onWeekChange, path } = useSlotParams();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const data = useLoad(async () => {
    const [officials, offices] = await Promise.all([loadOfficials(), loadOffices()]);
    const official = officials.find((o) => o.officialId === officialId);
    return { official, office: offices.find((o) => o.officeId === official?.officeId) };
  }, [officialId]);
  const official = data.data?.official;
  const name = pick(official?.displayName, officialId);

  const choose = async (date: string, slot: FreeSlot) => {
    if (!isCitizen(session)) {
      navigate(`/sign-in?next=${encodeURIComponent(path)}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const held = await ok(api.POST('/api/v1/bookings/holds', { body: { officialId, date, slotStart: slot.start } }));
      const text = t('hold.placed', { when: `${fmt.date(date)}, ${fmt.time(date, slot.start)}` });
      announce(text);
      setFlash({ kind: 'info', text, booking: held });
      navigate(`/bookings/${encodeURIComponent(held.bookingId)}/confirm`);
    } catch (e) {
      const text = problemText(e, t);
      setError(text);
      announce(text, 'assertive');
      setBusy(false);
      setReloadKey((n) => n + 1);
    }
  };

  return (
    <Page title={t('slots.pageTitle', { name })} wide>
      <p>
        {official?.officeId ? (
          <Link to={`/offices/${encodeURIComponent(official.officeId)}`}>
            <span aria-hidden="true">← </span>
            {t('slots.backToOfficials')}
          </Link>
        ) : (
          <Link to="/offices">
            <span aria-hidden="true">← </span>
            {t('officials.back')}
          </Link>
        )}
      </p>
      {data.error ? (
        <Notice kind="error">
          <p>{problemText(data.error, t)}</p>
        </Notice>
      ) : null}
      {official ? (
        <p className="lead">
          {official.rank ? t(RANK_KEYS[official.rank]) : null}
          {data.data?.office ? <>. {pick(data.data.office.name)}</> : null}
        </p>
      ) : null}
      {flash ? (
        <Notice kind={flash.kind}>
          <p>{flash.text}</p>
        </Notice>
      ) : null}
      <p>{t(isCitizen(session) ? 'slots.howTo' : 'slots.howToSignIn')}</p>
      {error ? (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <SlotPicker
        officialId={officialId}
        view={view}
        onViewChange={onViewChange}
        week={week}
        onWeekChange={onWeekChange}
        onChoose={(date, slot) => void choose(date, slot)}
        busy={busy}
        reloadKey={reloadKey}
      />
    </Page>
  );
};

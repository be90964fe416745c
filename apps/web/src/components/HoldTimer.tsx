import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { useLive } from '../live';
import { useNow } from '../hooks';
import { Button } from './Button';

/** Remaining times (ms) at which a screen reader hears how long is left; never every second. */
const WARNINGS = [120_000, 60_000, 30_000] as const;

/**
 * How long the held slot stays reserved (WCAG 2.2.1 Timing Adjustable): a visible countdown
 * (`role="timer"`, not live), spoken warnings at 2 min, 1 min and 30 s, and a button that asks for
 * more time.
 */
export const HoldTimer = ({
  expiresAt,
  onExtend,
  extending,
  onExpired,
}: {
  expiresAt: string;
  onExtend: () => void;
  extending: boolean;
  onExpired: () => void;
}) => {
  const { t, fmt } = useI18n();
  const { announce } = useLive();
  const now = useNow(1000);
  const remaining = Date.parse(expiresAt) - now;
  const spoken = useRef<number>(Infinity);

  // A new expiry (after "more time") starts the warnings over.
  useEffect(() => {
    spoken.current = Date.parse(expiresAt) - Date.now();
  }, [expiresAt]);

  useEffect(() => {
    if (remaining <= 0) {
      if (spoken.current > 0) {
        spoken.current = 0;
        announce(t('hold.expired'), 'assertive');
        onExpired();
      }
      return;
    }
    const due = WARNINGS.find((w) => remaining <= w && spoken.current > w);
    if (due !== undefined) {
      spoken.current = remaining;
      announce(t('hold.warning', { time: fmt.clock(remaining) }), due <= 60_000 ? 'assertive' : 'polite');
    }
  }, [remaining, announce, t, fmt, onExpired]);

  const expired = remaining <= 0;
  return (
    <section className={`hold-timer${remaining < 60_000 ? ' hold-timer-urgent' : ''}`} aria-labelledby="hold-timer-title">
      <h2 id="hold-timer-title" className="hold-timer-title">
        {t('hold.timerTitle')}
      </h2>
      {expired ? (
        <p>{t('hold.expired')}</p>
      ) : (
        <>
          <p className="hold-timer-text">
            <span id="hold-timer-label">{t('hold.timeLeft')}</span>{' '}
            <span role="timer" aria-labelledby="hold-timer-label" className="hold-timer-clock">
              {fmt.clock(remaining)}
            </span>
          </p>
          <p className="field-hint" id="hold-timer-hint">
            {t('hold.timerHint', { until: fmt.instantTime(expiresAt) })}
          </p>
          <Button variant="secondary" onClick={onExtend} aria-describedby="hold-timer-hint" busy={extending}>
            {t('hold.moreTime')}
          </Button>
        </>
      )}
    </section>
  );
};

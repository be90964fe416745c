import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import type { Role } from '../api/views';
import { Button } from '../components/Button';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { RadioGroup } from '../components/Fields';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { errorOf, formErrorsOf, problemText } from '../components/problems';
import { useLoad } from '../hooks';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useLive } from '../live';
import { useRouter, useSearchParam } from '../router';
import { homeOf, useSession } from '../session';

const GROUPS: { role: Role; legend: MessageKey }[] = [
  { role: 'citizen', legend: 'signIn.citizens' },
  { role: 'official', legend: 'signIn.officials' },
  { role: 'clerk', legend: 'signIn.clerks' },
];

/** Development sign-in: choose one of the gateway's fictional demo users. */
export const SignInPage = () => {
  const { t, pick } = useI18n();
  const { signIn, expired, session } = useSession();
  const { navigate } = useRouter();
  const { announce } = useLive();
  const next = useSearchParam('next');
  const users = useLoad(() => ok(api.GET('/api/v1/auth/dev/users')), []);
  const [userId, setUserId] = useState(session?.user.sub ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!userId) {
      setErrors([{ fieldId: 'user-citizen', message: t('signIn.chooseError') }]);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const s = await signIn(userId);
      announce(t('signIn.done', { name: pick(s.user.name) }));
      const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
      navigate(safeNext ?? homeOf(s));
    } catch (error) {
      setErrors(formErrorsOf(error, { userId: 'user-citizen' }, t));
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };

  // Citizens first, then officials, then front-office clerks; others (admin, auditor) have no pages here yet.
  const grouped = GROUPS.map((g) => ({ ...g, users: (users.data ?? []).filter((u) => u.roles.includes(g.role)) }));

  return (
    <Page title={t('signIn.title')}>
      <p className="lead">{t('signIn.intro')}</p>
      {expired ? (
        <Notice kind="warning">
          <p>{t('signIn.expired')}</p>
        </Notice>
      ) : null}
      {users.error ? (
        <Notice kind="error">
          <p>{users.error.status === 404 ? t('signIn.devOff') : problemText(users.error, t)}</p>
        </Notice>
      ) : users.loading ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary errors={errors} attempt={attempt} />
          {grouped.map((g) => (
            <RadioGroup
              key={g.role}
              id={`user-${g.role}`}
              legend={t(g.legend)}
              error={g.role === 'citizen' ? errorOf(errors, 'user-citizen') : undefined}
              value={userId}
              onChange={(v) => {
                setUserId(v);
                setErrors([]);
              }}
              options={g.users.map((u) => ({
                value: u.userId,
                label: pick(u.name),
                content: (
                  <>
                    <span translate="no" className="user-name">
                      {pick(u.name)}
                    </span>
                    <span className="user-description">{pick(u.description)}</span>
                  </>
                ),
              }))}
            />
          ))}
          <p className="field-hint">{t('signIn.fictional')}</p>
          <Button type="submit" busy={busy}>
            {t('signIn.submit')}
          </Button>
        </form>
      )}
    </Page>
  );
};

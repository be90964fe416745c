import type { ReactNode } from 'react';
import { LANGS, useI18n, type Lang, type MessageKey } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import { isCitizen, isClerk, isOfficial, useSession } from '../session';

/** Each language names itself, in itself. */
const LANGUAGE_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

const LanguageSwitch = () => {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-labelledby="lang-switch-label">
      <span id="lang-switch-label" className="lang-switch-label">
        {t('header.language')}
      </span>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          translate="no"
          className="lang-button"
          aria-pressed={l === lang}
          onClick={() => setLang(l)}
          data-lang={l}
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
};

const NavLink = ({ to, label, match }: { to: string; label: string; match: (path: string) => boolean }) => {
  const { location } = useRouter();
  const current = match(location.pathname);
  return (
    <li>
      <Link to={to} className="nav-link" aria-current={current ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
};

/** Pages shown full screen on a TV: the hall board of the queue. */
const isBarePage = (pathname: string) => /^\/queue\/[^/]+\/board\/?$/.test(pathname);

/** A TV's frame: the brand and the language switch, then the page; no menu, no footer. */
const BareLayout = ({ children }: { children: ReactNode }) => {
  const { t } = useI18n();
  return (
    <div className="bare">
      <header className="bare-header">
        <span className="brand bare-brand" translate="no">
          {t('app.name')}
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="bare-main">
        {children}
      </main>
    </div>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => {
  const { t, pick } = useI18n();
  const { session, signOut } = useSession();
  const { navigate, location } = useRouter();
  if (isBarePage(location.pathname)) return <BareLayout>{children}</BareLayout>;

  const links: { to: string; key: MessageKey; match: (p: string) => boolean }[] = [];
  if (!session || isCitizen(session)) {
    links.push({ to: '/offices', key: 'nav.book', match: (p) => p.startsWith('/offices') || p.startsWith('/officials') });
  }
  if (isCitizen(session)) {
    links.push({ to: '/bookings', key: 'nav.myBookings', match: (p) => p.startsWith('/bookings') });
  }
  if (!session || isCitizen(session)) {
    links.push({ to: '/queue', key: 'nav.takeTicket', match: (p) => p === '/queue' || /^\/queue\/[^/]+\/[^/]+\/tickets\//.test(p) });
  }
  // The open budget is public: everyone sees it.
  links.push({ to: '/budget', key: 'nav.budget', match: (p) => p === '/budget' || p.startsWith('/budget/') });
  if (isClerk(session)) {
    links.push({ to: '/queue/console', key: 'nav.queueConsole', match: (p) => p.startsWith('/queue/console') });
    links.push({ to: '/queue/check-in', key: 'nav.queueCheckIn', match: (p) => p.startsWith('/queue/check-in') });
    const office = session?.user.officeId;
    if (office) links.push({ to: `/queue/${encodeURIComponent(office)}/board`, key: 'nav.queueBoard', match: () => false });
    if (office) {
      links.push({ to: `/queue/${encodeURIComponent(office)}/stats`, key: 'nav.queueStats', match: (p) => /^\/queue\/[^/]+\/stats\/?$/.test(p) });
    }
  }
  if (isOfficial(session)) {
    links.push({ to: '/official/agenda', key: 'nav.agenda', match: (p) => p.startsWith('/official/agenda') });
    links.push({ to: '/official/hours', key: 'nav.hours', match: (p) => p.startsWith('/official/hours') });
  }

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('header.skipLink')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span translate="no">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitch />
        </div>
        <div className="header-inner header-nav-row">
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              {links.map((l) => (
                <NavLink key={l.to} to={l.to} label={t(l.key)} match={l.match} />
              ))}
            </ul>
          </nav>
          <div className="account">
            {session ? (
              <>
                <span className="account-name">
                  {t('header.signedInAs')} <strong translate="no">{pick(session.user.name)}</strong>
                </span>
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => {
                    signOut();
                    navigate('/sign-in');
                  }}
                >
                  {t('header.signOut')}
                </button>
              </>
            ) : (
              <Link to="/sign-in" className="nav-link">
                {t('header.signIn')}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
        <p>{t('footer.timeZone')}</p>
      </footer>
    </>
  );
};

/**
 * Adal Office web app: the citizen's booking pages and the official's console, in Kazakh,
 * Russian and English, served by the gateway (which answers every page path with index.html).
 *
 *   /sign-in                          development sign-in (demo users)
 *   /offices, /offices/:officeId      choose an office, then an official
 *   /officials/:officialId/slots      free times (?view=calendar|list, ?week=<Monday>); choosing one holds it
 *   /bookings/:bookingId/confirm      the hold's countdown and the confirmation form      (citizen)
 *   /bookings                         my bookings: cancel, .ics, video link                (citizen)
 *   /bookings/:bookingId/reschedule   move a booking to another free time                 (citizen)
 *   /official/hours                   publish and withdraw reception hours                (official)
 *   /official/agenda?date=            the day's bookings: video start/end, outcome, follow-up (official)
 *   /queue?office=                    take a ticket of an office's electronic queue          (anyone)
 *   /queue/:officeId/:date/tickets/:ticketId   my ticket: live place in the queue and wait  (anyone with the id)
 *   /queue/:officeId/board?date=      the hall board for a TV: live calls, said aloud        (anyone)
 *   /queue/console?office=&date=&desk= the clerk's console: desk and ticket actions          (clerk)
 *   /queue/check-in?office=&date=     check in booked visitors: expected arrivals, big ticket (clerk)
 *   /queue/:officeId/stats?date=      the day's queue statistics per service, table and bars (anyone)
 *   /budget?year=&metric=             the open-budget map of the 20 regions, and as a table  (anyone)
 *   /budget/regions/:regionId?year=&q=&level=&sort=&order=&page=  a region: its institutions   (anyone)
 *   /budget/institutions/:bin?year=   an institution's budget lines (programmes)                 (anyone)
 *   /budget/lines/:lineId             a budget line's ledger history                           (anyone)
 */
import { useEffect, type ReactNode } from 'react';
import { setApiLanguage } from './api/client';
import { Layout } from './components/Layout';
import { I18nProvider, useI18n } from './i18n/i18n';
import { LiveProvider } from './live';
import { AgendaPage } from './pages/AgendaPage';
import { BudgetInstitutionPage } from './pages/budget/BudgetInstitutionPage';
import { BudgetLinePage } from './pages/budget/BudgetLinePage';
import { BudgetMapPage } from './pages/budget/BudgetMapPage';
import { BudgetRegionPage } from './pages/budget/BudgetRegionPage';
import { HoldPage } from './pages/HoldPage';
import { MyBookingsPage } from './pages/MyBookingsPage';
import { ForbiddenPage, NotFoundPage } from './pages/NotFoundPage';
import { OfficesPage } from './pages/OfficesPage';
import { CheckInPage } from './pages/queue/CheckInPage';
import { ClerkConsolePage } from './pages/queue/ClerkConsolePage';
import { HallBoardPage } from './pages/queue/HallBoardPage';
import { MyTicketPage } from './pages/queue/MyTicketPage';
import { QueueStatsPage } from './pages/queue/QueueStatsPage';
import { TakeTicketPage } from './pages/queue/TakeTicketPage';
import { OfficialHoursPage } from './pages/OfficialHoursPage';
import { OfficialsPage } from './pages/OfficialsPage';
import { ReschedulePage } from './pages/ReschedulePage';
import { SignInPage } from './pages/SignInPage';
import { SlotsPage } from './pages/SlotsPage';
import { matchPath, RouterProvider, useRouter } from './router';
import { homeOf, isCitizen, isClerk, isOfficial, SessionProvider, useSession } from './session';

type Guard = 'citizen' | 'official' | 'clerk' | null;

interface Route {
  path: string;
  guard: Guard;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: Route[] = [
  { path: '/sign-in', guard: null, render: () => <SignInPage /> },
  { path: '/offices', guard: null, render: () => <OfficesPage /> },
  { path: '/offices/:officeId', guard: null, render: (p) => <OfficialsPage officeId={p['officeId']!} key={p['officeId']} /> },
  { path: '/officials/:officialId/slots', guard: null, render: (p) => <SlotsPage officialId={p['officialId']!} key={p['officialId']} /> },
  { path: '/bookings', guard: 'citizen', render: () => <MyBookingsPage /> },
  { path: '/bookings/:bookingId/confirm', guard: 'citizen', render: (p) => <HoldPage bookingId={p['bookingId']!} key={p['bookingId']} /> },
  {
    path: '/bookings/:bookingId/reschedule',
    guard: 'citizen',
    render: (p) => <ReschedulePage bookingId={p['bookingId']!} key={p['bookingId']} />,
  },
  { path: '/official/hours', guard: 'official', render: () => <OfficialHoursPage /> },
  { path: '/official/agenda', guard: 'official', render: () => <AgendaPage /> },
  { path: '/queue', guard: null, render: () => <TakeTicketPage /> },
  { path: '/queue/console', guard: 'clerk', render: () => <ClerkConsolePage /> },
  { path: '/queue/check-in', guard: 'clerk', render: () => <CheckInPage /> },
  { path: '/queue/:officeId/stats', guard: null, render: (p) => <QueueStatsPage officeId={p['officeId']!} key={p['officeId']} /> },
  { path: '/queue/:officeId/board', guard: null, render: (p) => <HallBoardPage officeId={p['officeId']!} key={p['officeId']} /> },
  {
    path: '/queue/:officeId/:date/tickets/:ticketId',
    guard: null,
    render: (p) => (
      <MyTicketPage officeId={p['officeId']!} date={p['date']!} ticketId={p['ticketId']!} key={`${p['officeId']}/${p['date']}/${p['ticketId']}`} />
    ),
  },
  { path: '/budget', guard: null, render: () => <BudgetMapPage /> },
  { path: '/budget/regions/:regionId', guard: null, render: (p) => <BudgetRegionPage regionId={p['regionId']!} key={p['regionId']} /> },
  { path: '/budget/institutions/:bin', guard: null, render: (p) => <BudgetInstitutionPage bin={p['bin']!} key={p['bin']} /> },
  { path: '/budget/lines/:lineId', guard: null, render: (p) => <BudgetLinePage lineId={p['lineId']!} key={p['lineId']} /> },
];

const Redirect = ({ to }: { to: string }) => {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
};

const Routes = () => {
  const { location } = useRouter();
  const { session } = useSession();
  if (location.pathname === '/' || location.pathname === '') return <Redirect to={session ? homeOf(session) : '/offices'} />;
  for (const route of ROUTES) {
    const params = matchPath(route.path, location.pathname);
    if (!params) continue;
    if (route.guard && !session) {
      return <Redirect to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} />;
    }
    if (route.guard === 'citizen' && !isCitizen(session)) return <ForbiddenPage />;
    if (route.guard === 'official' && !isOfficial(session)) return <ForbiddenPage />;
    if (route.guard === 'clerk' && !isClerk(session)) return <ForbiddenPage />;
    return <>{route.render(params)}</>;
  }
  return <NotFoundPage />;
};

/** Keeps the API client's Accept-Language on the UI language. */
const ApiLanguage = () => {
  const { lang } = useI18n();
  setApiLanguage(lang);
  return null;
};

export const App = () => (
  <I18nProvider>
    <ApiLanguage />
    <SessionProvider>
      <RouterProvider>
        <LiveProvider>
          <Layout>
            <Routes />
          </Layout>
        </LiveProvider>
      </RouterProvider>
    </SessionProvider>
  </I18nProvider>
);

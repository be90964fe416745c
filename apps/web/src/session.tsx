/**
 * Who is signed in: the access token and profile from the development sign-in, kept in
 * sessionStorage (gone with the tab) and handed to the API client.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ok, onUnauthorized, setAccessToken } from './api/client';
import type { Profile } from './api/views';

export interface Session {
  token: string;
  expiresAt: string;
  user: Profile;
}

const STORAGE_KEY = 'adal.session';

const stored = (): Session | null => {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.token || Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
};

const save = (session: Session | null) => {
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable: the session lasts for this page only
  }
};

interface SessionValue {
  session: Session | null;
  /** True after a signed-in request was refused (401): the sign-in page says so. */
  expired: boolean;
  signIn: (userId: string) => Promise<Session>;
  signOut: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

const initial = stored();
setAccessToken(initial?.token ?? null);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session | null>(initial);
  const [expired, setExpired] = useState(false);

  const update = useCallback((next: Session | null) => {
    setAccessToken(next?.token ?? null);
    save(next);
    setSession(next);
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
      update(null);
      setExpired(true);
    });
    return () => onUnauthorized(null);
  }, [update]);

  const signIn = useCallback(
    async (userId: string) => {
      const result = await ok(api.POST('/api/v1/auth/dev/sign-in', { body: { userId } }));
      const next = { token: result.accessToken, expiresAt: result.expiresAt, user: result.user };
      setExpired(false);
      update(next);
      return next;
    },
    [update],
  );

  const signOut = useCallback(() => {
    setExpired(false);
    update(null);
  }, [update]);

  const value = useMemo(() => ({ session, expired, signIn, signOut }), [session, expired, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionValue => {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
};

export const isCitizen = (session: Session | null) => session?.user.roles.includes('citizen') === true;
export const isOfficial = (session: Session | null) =>
  session?.user.roles.includes('official') === true && session.user.officialId !== undefined;

export const isClerk = (session: Session | null) => session?.user.roles.includes('clerk') === true;

/** Where a signed-in person starts. */
export const homeOf = (session: Session | null): string =>
  isOfficial(session)
    ? '/official/agenda'
    : isCitizen(session)
      ? '/offices'
      : isClerk(session)
        ? '/queue/console'
        : '/sign-in';

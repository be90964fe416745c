/**
 * A small client-side router on the History API. The gateway answers every non-API path with
 * index.html, so deep links and reloads land here. Routes are plain patterns (`/offices/:officeId`);
 * the matched page gets its params. Navigations (not the first load) count up, so the page heading
 * can take focus after a navigation (see `Page`).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export interface Location {
  pathname: string;
  search: string;
}

interface RouterValue {
  location: Location;
  /** 0 on the first load, then +1 per navigation. */
  navigations: number;
  navigate: (to: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

const current = (): Location => ({ pathname: window.location.pathname, search: window.location.search });

export const RouterProvider = ({ children }: { children: ReactNode }) => {
  const [state, setState] = useState({ location: current(), navigations: 0 });

  useEffect(() => {
    const onPop = () => setState((s) => ({ location: current(), navigations: s.navigations + 1 }));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    const url = new URL(to, window.location.href);
    const target = url.pathname + url.search;
    if (target === window.location.pathname + window.location.search && !options.replace) return;
    if (options.replace) {
      // A redirect or a change of view (query) on the same page: not a new page for focus.
      window.history.replaceState(null, '', target);
      setState((s) => ({ location: current(), navigations: s.navigations }));
      return;
    }
    window.history.pushState(null, '', target);
    window.scrollTo(0, 0);
    setState((s) => ({ location: current(), navigations: s.navigations + 1 }));
  }, []);

  const value = useMemo(() => ({ ...state, navigate }), [state, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
};

export const useRouter = (): RouterValue => {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
};

export const useSearchParam = (name: string): string | null => {
  const { location } = useRouter();
  return new URLSearchParams(location.search).get(name);
};

/** Params of `pattern` in `pathname`, or null when it does not match. */
export const matchPath = (pattern: string, pathname: string): Record<string, string> | null => {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
};

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An ordinary link (works with a new tab, the keyboard, a screen reader) that navigates in place. */
export const Link = ({ to, onClick, ...rest }: LinkProps) => {
  const { navigate } = useRouter();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
};

import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';

/**
 * A page: its `<title>` (page, then the site, in the current language) and its one `<h1>`, which
 * takes focus after every in-app navigation so keyboard and screen-reader users start at the top
 * of the new content (the first load leaves focus alone, so the skip link comes first).
 */
export const Page = ({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) => {
  const { t } = useI18n();
  const { navigations, location } = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} | ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (navigations > 0) heading.current?.focus();
    // Only on a new location, not when the title's language changes.
  }, [navigations, location.pathname]);

  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </div>
  );
};

import { Page } from '../components/Page';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

export const NotFoundPage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
};

/** Signed in, but this page is for another role. */
export const ForbiddenPage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('forbidden.title')}>
      <p>{t('forbidden.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
};

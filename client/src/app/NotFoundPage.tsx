import { useI18n } from '../i18n';
import { Link } from './router';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="page page--narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/plans">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}

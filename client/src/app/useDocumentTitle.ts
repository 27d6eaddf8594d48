import { useEffect } from 'react';
import { useI18n } from '../i18n';

/** Names the browser tab after the page, so tabs and history entries are told apart. */
export function useDocumentTitle(pageTitle: string | null): void {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} | ${appName}` : appName;
  }, [pageTitle, appName]);
}

import { useI18n } from '../../i18n';

/** Prints the current view; `views.css` hides the app's chrome on paper. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <button type="button" className="button button--quiet" onClick={() => window.print()} data-testid="print-view">
      {t('views.print')}
    </button>
  );
}

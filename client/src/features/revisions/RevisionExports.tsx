import type { Revision } from '@sakutei/shared';
import { useI18n } from '../../i18n';
import { revisionExportUrl } from '../../lib/revisionsApi';
import { revisionNumberText } from './revisionText';

/** A revision as a Word file, and as a page to print (with its 成果指標一覧). */
export function RevisionExports({ revision }: { revision: Revision }) {
  const { t } = useI18n();
  const number = revisionNumberText(revision, t);
  return (
    <span className="revision-exports">
      <a
        href={revisionExportUrl(revision.id, 'docx')}
        download
        data-testid="revision-export-docx"
        aria-label={t('revisions.export.docxLabel', { revision: number })}
      >
        {t('revisions.export.docx')}
      </a>
      <a
        href={revisionExportUrl(revision.id, 'html')}
        target="_blank"
        rel="noopener"
        data-testid="revision-export-html"
        aria-label={t('revisions.export.htmlLabel', { revision: number })}
      >
        {t('revisions.export.html')}
      </a>
    </span>
  );
}

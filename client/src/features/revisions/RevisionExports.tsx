import type { Revision, SuggestionView } from '@sakutei/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { revisionExportUrl } from '../../lib/revisionsApi';
import { revisionNumberText } from './revisionText';
import './suggestionExports.css';

/**
 * A revision as a Word file, and as a page to print (with its 成果指標一覧). With
 * `offerSuggestions` (the revision holds pending suggestions), the reader may include them:
 * as Word's tracked changes, and 見え消し in print; unticked, both give the text as if every
 * suggestion were rejected.
 */
export function RevisionExports({ revision, offerSuggestions = false }: { revision: Revision; offerSuggestions?: boolean }) {
  const { t } = useI18n();
  const hintId = useId();
  const [view, setView] = useState<SuggestionView>('clean');
  const number = revisionNumberText(revision, t);
  const shown = offerSuggestions ? view : 'clean';
  return (
    <span className="revision-exports">
      <a
        href={revisionExportUrl(revision.id, 'docx', shown)}
        download
        data-testid="revision-export-docx"
        aria-label={t('revisions.export.docxLabel', { revision: number })}
      >
        {t('revisions.export.docx')}
      </a>
      <a
        href={revisionExportUrl(revision.id, 'html', shown)}
        target="_blank"
        rel="noopener"
        data-testid="revision-export-html"
        aria-label={t('revisions.export.htmlLabel', { revision: number })}
      >
        {t('revisions.export.html')}
      </a>
      {offerSuggestions && (
        <>
          <label className="revision-exports__suggestions">
            <input
              type="checkbox"
              data-testid="revision-export-suggestions"
              aria-describedby={hintId}
              checked={view === 'markup'}
              onChange={(event) => setView(event.target.checked ? 'markup' : 'clean')}
            />
            {t('suggestionExports.include')}
          </label>
          <span id={hintId} className="visually-hidden">
            {t('suggestionExports.includeHint')}
          </span>
        </>
      )}
    </span>
  );
}

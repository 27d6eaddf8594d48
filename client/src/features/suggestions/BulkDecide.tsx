import type { SuggestionSummary } from '@sakutei/shared/editor';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useI18n, type Translate } from '../../i18n';
import type { NameOf } from '../plan/usePeopleNames';
import { authorName } from './SuggestionCard';
import { authorsOf, competingCount, sectionsOf, suggestionsIn, type BulkScope } from './suggestionCards';

interface Choice {
  value: string;
  scope: BulkScope;
  label: string;
}

function choicesFor(list: readonly SuggestionSummary[], nameOf: NameOf, t: Translate): Choice[] {
  const choices: Choice[] = [{ value: 'all', scope: { kind: 'all' }, label: t('suggestions.bulk.all', { count: list.length }) }];
  for (const { author, count } of authorsOf(list)) {
    choices.push({ value: `author:${author}`, scope: { kind: 'author', author }, label: t('suggestions.bulk.author', { name: authorName(nameOf, author, t), count }) });
  }
  for (const { index, title, count } of sectionsOf(list)) {
    choices.push({
      value: `section:${index}`,
      scope: { kind: 'section', index },
      label: t('suggestions.bulk.section', { title: title ?? t('suggestions.card.beforeFirstHeading'), count }),
    });
  }
  return choices;
}

interface Props {
  list: readonly SuggestionSummary[];
  nameOf: NameOf;
  busy: boolean;
  onDecide(decision: 'accept' | 'reject', ids: string[]): void;
}

/** All by one author, all in a section, or all: chosen, counted, and confirmed before anything changes. */
export function BulkDecide({ list, nameOf, busy, onDecide }: Props) {
  const { t } = useI18n();
  const selectId = useId();
  const [value, setValue] = useState('all');
  const [asking, setAsking] = useState<'accept' | 'reject' | null>(null);
  const choices = choicesFor(list, nameOf, t);
  // A chosen author or section whose suggestions are all decided falls back to 'all'.
  const choice = choices.find((candidate) => candidate.value === value) ?? choices[0]!;
  const chosen = suggestionsIn(list, choice.scope);
  const competing = asking === 'accept' ? competingCount(chosen) : 0;

  return (
    <details className="suggestions-bulk" data-testid="suggestions-bulk">
      <summary>{t('suggestions.bulk.title')}</summary>
      <div className="suggestions-bulk__body">
        <label htmlFor={selectId} className="suggestions-bulk__label">
          {t('suggestions.bulk.scope')}
        </label>
        <select id={selectId} data-testid="suggestions-bulk-scope" value={choice.value} onChange={(event) => setValue(event.target.value)}>
          {choices.map((candidate) => (
            <option key={candidate.value} value={candidate.value}>
              {candidate.label}
            </option>
          ))}
        </select>
        <div className="suggestions-bulk__actions">
          <button type="button" className="button" data-testid="suggestions-bulk-accept" aria-disabled={busy || undefined} onClick={() => !busy && setAsking('accept')}>
            {t('suggestions.bulk.accept')}
          </button>
          <button type="button" className="button" data-testid="suggestions-bulk-reject" aria-disabled={busy || undefined} onClick={() => !busy && setAsking('reject')}>
            {t('suggestions.bulk.reject')}
          </button>
        </div>
      </div>
      {asking && (
        <ConfirmDialog
          testId="suggestions-bulk-confirm"
          title={t(asking === 'accept' ? 'suggestions.bulk.confirmAcceptTitle' : 'suggestions.bulk.confirmRejectTitle', { count: chosen.length })}
          confirmLabel={t(asking === 'accept' ? 'suggestions.bulk.confirmAccept' : 'suggestions.bulk.confirmReject', { count: chosen.length })}
          danger={asking === 'reject'}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            onDecide(asking, chosen.map((item) => item.id));
            setAsking(null);
          }}
        >
          <p>{t('suggestions.bulk.confirmBody', { scope: choice.label })}</p>
          {competing > 0 && <p data-testid="suggestions-bulk-conflicts">{t('suggestions.bulk.confirmConflicts', { count: competing })}</p>}
        </ConfirmDialog>
      )}
    </details>
  );
}

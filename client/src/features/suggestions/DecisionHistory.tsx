import { formatCommentTime } from '@sakutei/shared';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { listSuggestionDecisions } from '../../lib/suggestionsApi';
import { DecidedChange } from './DecidedChange';
import { decisionsQueryKey } from './useDecide';

interface Props {
  planId: string;
  /** The pending suggestions' ids: when one goes (someone decided it), the record is read again. */
  pending: string;
}

/** 採否の履歴: decided suggestions, newest first, rejected text included. Read only when opened. */
export function DecisionHistory({ planId, pending }: Props) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: decisionsQueryKey(planId) });
  }, [queryClient, planId, pending]);
  const history = useInfiniteQuery({
    queryKey: decisionsQueryKey(planId),
    queryFn: ({ pageParam, signal }) => listSuggestionDecisions(planId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: open,
  });
  const decisions = history.data?.pages.flatMap((page) => page.decisions) ?? [];

  return (
    <details className="suggestions-history" data-testid="suggestions-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('suggestions.history.title')}</summary>
      {open && history.isPending && <p role="status">{t('suggestions.history.loading')}</p>}
      {open && history.isError && <p role="alert">{t('suggestions.history.failed')}</p>}
      {history.isSuccess && decisions.length === 0 && <p>{t('suggestions.history.empty')}</p>}
      {decisions.length > 0 && (
        <ol className="suggestions-history__list">
          {decisions.map((entry) => (
            <li key={`${entry.suggestionId}:${entry.decidedAt}`} className="suggestions-history__entry" data-testid="suggestion-decision" data-decision={entry.decision}>
              <span className={`suggestions-badge suggestions-badge--${entry.decision}`}>
                {t(entry.decision === 'accept' ? 'suggestions.history.accepted' : 'suggestions.history.rejected')}
              </span>{' '}
              <DecidedChange entry={entry} />
              <span className="suggestions-history__meta">
                {t('suggestions.history.by', {
                  author: entry.author.name,
                  decider: entry.decidedBy.name,
                  time: formatCommentTime(entry.decidedAt, locale),
                })}
              </span>
              {entry.conflictOf && <span className="suggestions-history__meta">{t('suggestions.history.conflictOf')}</span>}
            </li>
          ))}
        </ol>
      )}
      {history.hasNextPage && (
        <button type="button" className="link-button" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {t('suggestions.history.more')}
        </button>
      )}
    </details>
  );
}

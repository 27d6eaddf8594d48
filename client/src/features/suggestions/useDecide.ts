import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n, type Translate } from '../../i18n';
import { ApiError } from '../../lib/api';
import type { SuggestionDecisionResponse as DecideSuggestionsResponse } from '@sakutei/shared';
import { decideSuggestions, MAX_DECISION_IDS, type SuggestionVerdict } from '../../lib/suggestionsApi';

export const decisionsQueryKey = (planId: string) => ['suggestion-decisions', planId] as const;

/** What the last decision came to, in a sentence for the panel and screen readers. */
export interface DecisionNotice {
  kind: 'done' | 'error';
  text: string;
  seq: number;
}

/** A bulk decision past the server's bound goes in several requests; their answers add up. */
async function decideInChunks(planId: string, decision: SuggestionVerdict, ids: readonly string[]): Promise<DecideSuggestionsResponse> {
  const total: DecideSuggestionsResponse = { decided: [], resolved: [], missing: [] };
  for (let start = 0; start < ids.length; start += MAX_DECISION_IDS) {
    const part = await decideSuggestions(planId, decision, ids.slice(start, start + MAX_DECISION_IDS));
    total.decided.push(...part.decided);
    total.resolved.push(...part.resolved);
    total.missing.push(...part.missing);
  }
  return total;
}

export function outcomeText(decision: SuggestionVerdict, outcome: DecideSuggestionsResponse, t: Translate): string {
  const parts: string[] = [];
  if (outcome.decided.length > 0) {
    parts.push(t(decision === 'accept' ? 'suggestions.result.accepted' : 'suggestions.result.rejected', { count: outcome.decided.length }));
  }
  if (outcome.resolved.length > 0) parts.push(t('suggestions.result.resolved', { count: outcome.resolved.length }));
  if (outcome.missing.length > 0) parts.push(t('suggestions.result.missing', { count: outcome.missing.length }));
  return parts.join(' ');
}

export function decisionErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 403) return t('suggestions.error.forbidden');
  if (error instanceof ApiError && error.status === 409 && error.code !== 'unreadable_document') return t('suggestions.error.archived');
  return t('suggestions.error.failed');
}

/**
 * Accepts or rejects suggestions through the server, which changes the live document itself:
 * the editor shows the result when the change arrives, so nothing here touches the text.
 */
export function useDecide(planId: string) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<DecisionNotice | null>(null);
  const mutation = useMutation({
    mutationFn: ({ decision, ids }: { decision: SuggestionVerdict; ids: readonly string[] }) => decideInChunks(planId, decision, ids),
    onSuccess: (outcome, { decision }) => {
      setNotice((previous) => ({ kind: 'done', text: outcomeText(decision, outcome, t), seq: (previous?.seq ?? 0) + 1 }));
      void queryClient.invalidateQueries({ queryKey: decisionsQueryKey(planId) });
    },
    onError: (error) => {
      setNotice((previous) => ({ kind: 'error', text: decisionErrorText(error, t), seq: (previous?.seq ?? 0) + 1 }));
    },
  });
  return {
    decide: (decision: SuggestionVerdict, ids: readonly string[]) => {
      if (ids.length > 0 && !mutation.isPending) mutation.mutate({ decision, ids });
    },
    /** The ids being decided now, so their cards can say so. */
    deciding: mutation.isPending ? new Set(mutation.variables?.ids ?? []) : null,
    notice,
  };
}

import type { SuggestionDecision } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n';
import { ApiError } from '../../lib/api';
import { decisionErrorText, outcomeText } from './useDecide';

const t = translatorFor('ja');
const decision = (suggestionId: string) => ({ suggestionId }) as SuggestionDecision;

describe('what a decision came to', () => {
  it('counts the decided and the competing ones it resolved', () => {
    expect(outcomeText('accept', { decided: [decision('a')], resolved: [decision('b')], missing: [] }, t)).toBe(
      '1 件の提案を採用しました。 競合していた 1 件は不採用になりました。',
    );
  });

  it('says politely that someone decided first, rather than failing', () => {
    expect(outcomeText('reject', { decided: [], resolved: [], missing: ['a', 'b'] }, t)).toBe(
      '2 件は、ほかの人が先に採否を決めていたため、すでにありませんでした。',
    );
  });

  it('tells a refusal from an archived plan from a failure', () => {
    expect(decisionErrorText(new ApiError(403, 'forbidden', 'no'), t)).toBe('この計画の提案の採否を決める権限がありません。');
    expect(decisionErrorText(new ApiError(409, 'archived', 'no'), t)).toBe('この計画は読み取り専用（以前の版、または活動を終えた会議）のため、提案の採否を決められません。');
    expect(decisionErrorText(new ApiError(409, 'unreadable_document', 'no'), t)).toBe('採否を記録できませんでした。時間をおいてもう一度お試しください。');
    expect(decisionErrorText(new TypeError('network'), t)).toBe('採否を記録できませんでした。時間をおいてもう一度お試しください。');
  });
});

import { MAX_EVALUATION_LENGTH, REPORT_EDIT, currentEvaluationText, evaluationKey, evaluationText, evaluationsMap } from '@sakutei/shared/measures';
import { useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { bindTextArea } from './textBinding';

type Props = {
  doc: Y.Doc;
  fiscalYear: number;
  /** A measure row's id, or PLAN_SCOPE. */
  scope: string;
  /** Where the evaluation belongs (`1 創業支援`), for its accessible name. */
  place: string;
  editable: boolean;
  /** The text as the report read it, shown when the field is read-only. */
  text: string;
};

/**
 * One level's 評価・課題: a text field bound to its Y.Text in the live document, typed in
 * together by the members; read-only (plain text) for those who may not edit the draft.
 */
export function EvaluationField({ doc, fiscalYear, scope, place, editable, text }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const key = evaluationKey(fiscalYear, scope);

  useEffect(() => {
    const field = ref.current;
    if (!field || !editable) return;
    const map = evaluationsMap(doc);
    return bindTextArea(
      field,
      {
        // Two members starting the same evaluation at once get the same (root-level) text, so
        // "replaced" only happens when a restore unlists it or an older document's text changes.
        current: () => currentEvaluationText(doc, fiscalYear, scope),
        create: () => evaluationText(doc, fiscalYear, scope),
        onReplaced: (listener) => {
          const watch = (event: Y.YMapEvent<unknown>) => {
            if (event.keysChanged.has(key)) listener();
          };
          map.observe(watch);
          return () => map.unobserve(watch);
        },
      },
      REPORT_EDIT,
    );
  }, [doc, editable, fiscalYear, scope, key]);

  const label = t('report.evaluation.label', { place });
  if (!editable) {
    return (
      <div className="report-evaluation report-evaluation--read" role="group" aria-label={label} data-testid="report-evaluation" data-scope={scope}>
        {text === '' ? <p className="report-evaluation__empty">{t('report.evaluation.empty')}</p> : <p>{text}</p>}
      </div>
    );
  }
  return (
    <div className="report-evaluation">
      <textarea
        ref={ref}
        className="report-evaluation__field"
        aria-label={label}
        aria-describedby={hintId}
        placeholder={t('report.evaluation.placeholder')}
        maxLength={MAX_EVALUATION_LENGTH}
        rows={4}
        lang="ja"
        data-testid="report-evaluation"
        data-scope={scope}
      />
      <p id={hintId} className="report-evaluation__hint">
        {t('report.evaluation.saved')}
      </p>
    </div>
  );
}

import type { ReprintDecision, ReprintFinding } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n } from '../../i18n';

type Suggested = Extract<ReprintFinding, { kind: 'suggested' }>;

function Choice({ finding, accepted, onDecide }: { finding: Suggested; accepted: boolean; onDecide: (accept: boolean) => void }) {
  const { t } = useI18n();
  const name = useId();
  const where =
    finding.candidate.line !== null
      ? t('transfer.reprints.candidateAt', { line: finding.candidate.line })
      : t('transfer.reprints.candidateInPlan');
  return (
    <fieldset className="import-reprints__item" data-testid="import-reprint" data-line={finding.line}>
      <legend>
        {t('transfer.reprints.item', { line: finding.line, text: finding.text, candidate: finding.candidate.name })}
        {where}
      </legend>
      <label className="import-options__radio">
        <input type="radio" name={name} checked={accepted} data-testid="import-reprint-accept" onChange={() => onDecide(true)} />
        {t('transfer.reprints.accept')}
      </label>
      <label className="import-options__radio">
        <input type="radio" name={name} checked={!accepted} data-testid="import-reprint-reject" onChange={() => onDecide(false)} />
        {t('transfer.reprints.reject')}
      </label>
    </fieldset>
  );
}

/**
 * 再掲 rows whose name only resembles an earlier project: the user says whether they are the
 * same. A confirmed one stays listed (now matched) so it can be taken back.
 */
export function ReprintChoices({
  findings,
  decisions,
  onDecide,
}: {
  findings: readonly ReprintFinding[];
  decisions: readonly ReprintDecision[];
  onDecide: (line: number, accept: boolean) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const accepted = new Set(decisions.filter((d) => d.accept).map((d) => d.line));
  const open = findings.filter((finding): finding is Suggested => finding.kind === 'suggested');
  // Once confirmed a row reads as matched; it stays listed so the choice can be taken back.
  const confirmed = findings.filter((finding): finding is Extract<ReprintFinding, { kind: 'matched' }> => finding.kind === 'matched' && finding.confirmed);
  if (open.length === 0 && confirmed.length === 0) return null;
  return (
    <section className="import-reprints" aria-labelledby={headingId} data-testid="import-reprints">
      <h3 id={headingId}>{t('transfer.reprints.heading', { count: open.length + confirmed.length })}</h3>
      <p>{t('transfer.reprints.lead')}</p>
      {open.map((finding) => (
        <Choice key={finding.line} finding={finding} accepted={accepted.has(finding.line)} onDecide={(accept) => onDecide(finding.line, accept)} />
      ))}
      {confirmed.map((finding) => (
        <Choice
          key={finding.line}
          finding={{ kind: 'suggested', line: finding.line, text: finding.text, candidate: { name: finding.name, line: finding.matchedLine } }}
          accepted
          onDecide={(accept) => onDecide(finding.line, accept)}
        />
      ))}
    </section>
  );
}

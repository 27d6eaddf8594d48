import type { ReprintDecision, ReprintFinding } from '@sakutei/shared/measures';
import { useId, useRef } from 'react';
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
 * same. Every answered one stays listed in line order, a confirmed one (now matched) and a
 * rejected one (now unmatched) alike, so the choice can be taken back and the radio the
 * keyboard is on never disappears from under it.
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
  // A rejected suggestion reads as unmatched and no longer names its candidate: keep the
  // suggestion as first offered (the same line with the same text) to show it again.
  const offered = useRef(new Map<number, Suggested>());
  const accepted = new Set(decisions.filter((d) => d.accept).map((d) => d.line));
  const rejected = new Set(decisions.filter((d) => !d.accept).map((d) => d.line));
  const items: Suggested[] = [];
  for (const finding of findings) {
    if (finding.kind === 'suggested') {
      offered.current.set(finding.line, finding);
      items.push(finding);
    } else if (finding.kind === 'matched' && finding.confirmed) {
      items.push({ kind: 'suggested', line: finding.line, text: finding.text, candidate: { name: finding.name, line: finding.matchedLine } });
    } else if (finding.kind === 'unmatched' && rejected.has(finding.line)) {
      const first = offered.current.get(finding.line);
      if (first && first.text === finding.text) items.push(first);
    }
  }
  if (items.length === 0) return null;
  items.sort((a, b) => a.line - b.line);
  return (
    <section className="import-reprints" aria-labelledby={headingId} data-testid="import-reprints">
      <h3 id={headingId}>{t('transfer.reprints.heading', { count: items.length })}</h3>
      <p>{t('transfer.reprints.lead')}</p>
      {items.map((finding) => (
        <Choice key={finding.line} finding={finding} accepted={accepted.has(finding.line)} onDecide={(accept) => onDecide(finding.line, accept)} />
      ))}
    </section>
  );
}

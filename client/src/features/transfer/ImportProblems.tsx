import type { PreviewProblem, PreviewProblemCode } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n, type MessageKey } from '../../i18n';

/** What is wrong and what to do about it, per code; the detail names the text at fault. */
const MESSAGES: Record<PreviewProblemCode, MessageKey> = {
  unreadableNumber: 'transfer.problem.unreadableNumber',
  componentMismatch: 'transfer.problem.componentMismatch',
  unknownNumbering: 'transfer.problem.unknownNumbering',
  missingName: 'transfer.problem.missingName',
  depthJump: 'transfer.problem.depthJump',
  duplicateKpiNumber: 'transfer.problem.duplicateKpiNumber',
  unknownYearColumn: 'transfer.problem.unknownYearColumn',
  emptyInput: 'transfer.problem.emptyInput',
  tooManyRows: 'transfer.problem.tooManyRows',
  tooManyColumns: 'transfer.problem.tooManyColumns',
  unknownStatus: 'transfer.problem.unknownStatus',
  unknownKpiNumber: 'transfer.problem.unknownKpiNumber',
  reprintSuggested: 'transfer.problem.reprintSuggested',
  reprintUnmatched: 'transfer.problem.reprintUnmatched',
  levelMerged: 'transfer.problem.levelMerged',
  unknownLevelWord: 'transfer.problem.unknownLevelWord',
  noNameColumn: 'transfer.problem.noNameColumn',
  noteSkipped: 'transfer.problem.noteSkipped',
  conflictingColumns: 'transfer.problem.conflictingColumns',
  doubtfulRow: 'transfer.problem.doubtfulRow',
};

/** The first quoted text of a detail (`no number in "abc"`): the cell the user has to fix. */
function quotedPart(detail: string): string | null {
  return /"([^"]*)"/.exec(detail)?.[1] ?? null;
}

function ProblemItem({ problem }: { problem: PreviewProblem }) {
  const { t, locale } = useI18n();
  const where =
    problem.column === null
      ? t('views.import.line', { line: problem.line })
      : t('views.import.lineColumn', { line: problem.line, column: problem.column });
  const quoted = quotedPart(problem.detail);
  return (
    <li className="import-problems__item" data-testid="import-problem" data-code={problem.code} data-line={problem.line}>
      <span className="import-problems__where">{where}</span>
      {t('views.import.problemSeparator')}
      {quoted !== null && t('views.import.quoted', { text: quoted })}
      {t(MESSAGES[problem.code])}
      {/* The importer words its details in English; the Japanese page shows only the quoted cell. */}
      {locale === 'en' && (
        <>
          {' '}
          <span className="import-problems__detail">{problem.detail}</span>
        </>
      )}
    </li>
  );
}

/** Every refused or doubtful row, line by line, with what to do; the rest is still imported. */
export function ImportProblems({ problems }: { problems: readonly PreviewProblem[] }) {
  const { t } = useI18n();
  const headingId = useId();
  if (problems.length === 0) return null;
  return (
    <section className="import-problems" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('views.import.problemsHeading', { count: problems.length })}</h3>
      <ul>
        {problems.map((problem, index) => (
          <ProblemItem key={`${problem.line}:${index}`} problem={problem} />
        ))}
      </ul>
    </section>
  );
}

import type { ImportProblem, ImportProblemCode } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n, type MessageKey } from '../../i18n';

const MESSAGES: Record<ImportProblemCode, MessageKey> = {
  unreadableNumber: 'views.import.problem.unreadableNumber',
  componentMismatch: 'views.import.problem.componentMismatch',
  unknownNumbering: 'views.import.problem.unknownNumbering',
  missingName: 'views.import.problem.missingName',
  depthJump: 'views.import.problem.depthJump',
  duplicateKpiNumber: 'views.import.problem.duplicateKpiNumber',
  unknownYearColumn: 'views.import.problem.unknownYearColumn',
  emptyInput: 'views.import.problem.emptyInput',
  tooManyRows: 'views.import.problem.tooManyRows',
  unknownStatus: 'views.import.problem.unknownStatus',
  unknownKpiNumber: 'views.import.problem.unknownKpiNumber',
};

/** The first quoted text of a detail (`no number in "abc"`): the cell the user has to fix. */
function quotedPart(detail: string): string | null {
  return /"([^"]*)"/.exec(detail)?.[1] ?? null;
}

function ProblemItem({ problem }: { problem: ImportProblem }) {
  const { t } = useI18n();
  const where =
    problem.column === null
      ? t('views.import.line', { line: problem.line })
      : t('views.import.lineColumn', { line: problem.line, column: problem.column });
  const quoted = quotedPart(problem.detail);
  return (
    <li className="import-problems__item" data-testid="import-problem" data-code={problem.code} data-line={problem.line}>
      {where}
      {t('views.import.problemSeparator')}
      {t(MESSAGES[problem.code])}
      {quoted !== null && t('views.import.quoted', { text: quoted })}
      {' '}
      <span className="import-problems__detail">{problem.detail}</span>
    </li>
  );
}

/** What the import could not take, line by line; the rest is still imported. */
export function ImportProblems({ problems }: { problems: readonly ImportProblem[] }) {
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

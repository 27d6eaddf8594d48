import type { HierarchyPreview } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n } from '../../i18n';

/** The counts a secretariat checks against the printed plan: rows per level, projects, statuses, 再掲. */
export function ImportSummary({ preview }: { preview: HierarchyPreview }) {
  const { t } = useI18n();
  const headingId = useId();
  const reprints = { matched: 0, suggested: 0, unmatched: 0 };
  for (const finding of preview.reprints) reprints[finding.kind]++;
  return (
    <section className="import-summary" aria-labelledby={headingId} data-testid="import-summary">
      <h3 id={headingId} className="visually-hidden">
        {t('transfer.summary.heading')}
      </h3>
      <ul className="import-summary__list">
        {preview.rowsPerLevel.map((level) => (
          <li key={level.depth} data-testid="import-level-count" data-depth={level.depth}>
            {t('transfer.summary.level', { level: level.level, count: level.count })}
          </li>
        ))}
        <li data-testid="import-project-count">{t('transfer.summary.projects', { count: preview.projectCount })}</li>
        <li>{t('transfer.summary.statuses', preview.statusCounts)}</li>
        {preview.reprints.length > 0 && <li>{t('transfer.summary.reprints', reprints)}</li>}
      </ul>
    </section>
  );
}

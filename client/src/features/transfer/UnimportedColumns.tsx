import type { UnimportedColumn } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n } from '../../i18n';
import { columnName } from './ColumnMapping';

/** Every non-empty column the import leaves out, by name, so nothing is dropped unannounced. */
export function UnimportedColumns({ columns }: { columns: readonly UnimportedColumn[] }) {
  const { t } = useI18n();
  const headingId = useId();
  if (columns.length === 0) return null;
  return (
    <section className="import-unimported" aria-labelledby={headingId} data-testid="import-unimported">
      <h3 id={headingId}>{t('transfer.unimported.heading', { count: columns.length })}</h3>
      <ul>
        {columns.map((column) => (
          <li key={column.index} data-testid="import-unimported-column" data-index={column.index}>
            {column.reason === 'pageNumbers'
              ? t('transfer.unimported.pageNumbers', { column: columnName(column, t), count: column.nonEmpty })
              : t('transfer.unimported.item', {
                  column: columnName(column, t),
                  count: column.nonEmpty,
                  sample: column.samples[0] ?? '',
                })}
          </li>
        ))}
      </ul>
      <p className="import-unimported__hint">{t('transfer.unimported.hint')}</p>
    </section>
  );
}

import { IMPORT_FIELDS, type ImportField, type PreviewColumn } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n, type MessageKey, type Translate } from '../../i18n';

export const FIELD_KEYS: Record<ImportField, MessageKey> = {
  number: 'transfer.field.number',
  name: 'transfer.field.name',
  levelWord: 'transfer.field.levelWord',
  kind: 'transfer.field.kind',
  description: 'transfer.field.description',
  contacts: 'transfer.field.contacts',
  status: 'transfer.field.status',
  kpis: 'transfer.field.kpis',
  ignored: 'transfer.field.ignored',
};

const SOURCE_KEYS: Record<PreviewColumn['source'], MessageKey> = {
  header: 'transfer.source.header',
  data: 'transfer.source.data',
  user: 'transfer.source.user',
  none: 'transfer.source.none',
};

/** A column as the user knows it: its header, or its position when it has none. */
export function columnName(column: { index: number; header: string }, t: Translate): string {
  return column.header !== '' ? column.header : t('transfer.columns.untitled', { n: column.index + 1 });
}

/** Long cells would stretch the table; a sample only has to be recognisable. */
function short(text: string, length = 24): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > length ? `${chars.slice(0, length - 1).join('')}…` : chars.join('');
}

type Props = {
  columns: readonly PreviewColumn[];
  headerLine: number | null;
  mappingFrom: 'request' | 'remembered' | 'detected' | null;
  /** Whether the user has chosen something here (so there is something to reset). */
  changed: boolean;
  onChange: (index: number, field: ImportField) => void;
  onReset: () => void;
};

/**
 * The source table's columns and what each is imported as, each changeable with a native
 * select (keyboard and screen readers get it for free). Only columns with a value are
 * worth a choice; empty ones are left out of the list.
 */
export function ColumnMapping({ columns, headerLine, mappingFrom, changed, onChange, onReset }: Props) {
  const { t } = useI18n();
  const headingId = useId();
  const leadId = useId();
  const shown = columns.filter((column) => column.nonEmpty > 0 || column.header !== '');
  if (shown.length === 0) return null;
  return (
    <section className="import-columns" aria-labelledby={headingId} data-testid="import-columns">
      <h3 id={headingId}>{t('transfer.columns.heading')}</h3>
      <p id={leadId} className="import-columns__lead">
        {t('transfer.columns.lead')}{' '}
        {headerLine !== null ? t('transfer.columns.headerLine', { line: headerLine }) : t('transfer.columns.noHeader')}
      </p>
      {mappingFrom === 'remembered' && (
        <p className="import-columns__note" data-testid="import-mapping-remembered">
          {t('transfer.columns.remembered')}
        </p>
      )}
      <table className="views-table import-columns__table">
        <caption className="visually-hidden">{t('transfer.columns.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transfer.columns.col.source')}</th>
            <th scope="col">{t('transfer.columns.col.samples')}</th>
            <th scope="col">{t('transfer.columns.col.field')}</th>
            <th scope="col">{t('transfer.columns.col.why')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((column) => {
            const name = columnName(column, t);
            return (
              <tr key={column.index} data-testid="import-column" data-index={column.index} data-field={column.field}>
                <th scope="row" className="import-columns__name">
                  {name}
                </th>
                <td className="import-columns__samples">{column.samples.slice(0, 3).map((sample) => short(sample)).join(' / ')}</td>
                <td className="import-columns__field">
                  <select
                    className="views-input import-columns__select"
                    value={column.field}
                    aria-label={t('transfer.columns.selectLabel', { column: name })}
                    aria-describedby={leadId}
                    data-testid={`import-mapping-${column.index}`}
                    onChange={(event) => onChange(column.index, event.target.value as ImportField)}
                  >
                    {IMPORT_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {t(FIELD_KEYS[field])}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="import-columns__why">{t(SOURCE_KEYS[column.source])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {changed && (
        <button type="button" className="button button--quiet" data-testid="import-mapping-reset" onClick={onReset}>
          {t('transfer.columns.reset')}
        </button>
      )}
    </section>
  );
}

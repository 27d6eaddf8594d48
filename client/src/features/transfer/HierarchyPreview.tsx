import { circled, type ImportPreviewRow, type ProjectStatus } from '@sakutei/shared/measures';
import { useI18n, type MessageKey } from '../../i18n';

const STATUS_KEYS: Record<ProjectStatus, MessageKey> = {
  new: 'views.status.new',
  enhanced: 'views.status.enhanced',
  continued: 'views.status.continued',
};

/** The measure-table rows an import would add, numbered as they will be once added. */
export function HierarchyPreview({ rows }: { rows: readonly ImportPreviewRow[] }) {
  const { t } = useI18n();
  return (
    <table className="views-table import-preview">
      <caption className="visually-hidden">{t('views.import.previewCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('views.import.col.line')}</th>
          <th scope="col">{t('views.import.col.title')}</th>
          <th scope="col">{t('views.import.col.kind')}</th>
          <th scope="col">{t('views.import.col.status')}</th>
          <th scope="col">{t('transfer.field.description')}</th>
          <th scope="col">{t('transfer.field.contacts')}</th>
          <th scope="col">{t('views.import.col.kpis')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="import-preview-row" data-kind={row.kind} data-depth={row.indent} data-line={row.line ?? undefined}>
            <td className="import-preview__line">{row.line ?? ''}</td>
            <th scope="row" className="import-preview__title" style={{ paddingInlineStart: `${0.5 + row.indent * 1.25}em` }}>
              {row.number !== '' && <span className="contents__number">{row.number}</span>}
              {row.title}
              {row.reprint && <span className="views-badge">{t('views.reprint')}</span>}
            </th>
            <td>
              {t(row.kind === 'placement' ? 'views.import.kind.project' : 'views.import.kind.measure')}
              <span className="import-preview__level">{row.levelName}</span>
            </td>
            <td>{row.status === null ? '' : t(STATUS_KEYS[row.status])}</td>
            <td className="import-preview__text">{row.description}</td>
            <td className="import-preview__text">{row.contacts}</td>
            <td>{row.kpiNumbers.map(circled).join('')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

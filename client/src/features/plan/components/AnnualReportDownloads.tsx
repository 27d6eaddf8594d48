import { fiscalYearText } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n } from '../../../i18n';
import './AnnualReportDownloads.css';

type Props = {
  /** The fiscal years a report can be made for, oldest first. */
  years: readonly number[];
  year: number | null;
  onYear: (year: number) => void;
  /** The report route without its query: `/api/plans/…/report` or `/api/revisions/…/report`. */
  path: string;
  /** Names the downloads when several are on one page (`第3版の`). */
  context?: string;
};

/**
 * The annual progress report's year and its two forms: the Word file and the page to print.
 * Shared by the 年次報告 tab (the live draft) and the revision reader (a frozen revision).
 */
export function AnnualReportDownloads({ years, year, onYear, path, context = '' }: Props) {
  const { t, locale } = useI18n();
  const yearId = useId();
  const href = (format: 'docx' | 'html') => `${path}?fiscalYear=${year}&format=${format}`;
  return (
    <div className="annual-report-downloads" data-testid="annual-report-downloads">
      <span className="annual-report-downloads__year">
        <label htmlFor={yearId}>{t('report.year')}</label>
        <select
          id={yearId}
          value={year ?? ''}
          disabled={years.length === 0}
          onChange={(event) => onYear(Number(event.target.value))}
          data-testid="report-year"
        >
          {years.map((fy) => (
            <option key={fy} value={fy}>
              {fiscalYearText(fy, 'era', locale)}
            </option>
          ))}
        </select>
      </span>
      {year !== null && (
        <span className="annual-report-downloads__links">
          <a className="button" href={href('docx')} download data-testid="report-docx">
            {context && <span className="visually-hidden">{context}</span>}
            {t('report.downloadDocx')}
          </a>
          <a className="button button--quiet" href={href('html')} target="_blank" rel="noopener" data-testid="report-html">
            {context && <span className="visually-hidden">{context}</span>}
            {t('report.openHtml')}
            <span className="visually-hidden">{t('report.opensInNewTab')}</span>
          </a>
        </span>
      )}
    </div>
  );
}

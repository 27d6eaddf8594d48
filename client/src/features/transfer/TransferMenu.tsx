import type { MeasureExportQuery } from '@sakutei/shared';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useI18n, type MessageKey } from '../../i18n';
import { measureExportUrl } from '../../lib/api';
import type { TransferMenuProps } from '../plan/ports';
import './transfer.css';
import { ImportDialog } from './ImportDialog';
import { IMPORT_ACCEPT } from './readImportFile';
import { useImportUndo } from './useImportUndo';


const EXPORTS: ReadonlyArray<{ table: MeasureExportQuery['table']; label: MessageKey }> = [
  { table: 'kpis', label: 'views.transfer.kpis' },
  { table: 'measures', label: 'views.transfer.measures' },
];
const FORMATS: ReadonlyArray<{ format: MeasureExportQuery['format']; label: string }> = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
];

/** Import (paste or file) and export (CSV, XLSX) of the measure table and the KPI list. */
export function TransferMenu({ planId, doc, view, editable }: TransferMenuProps) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const lastTrigger = useRef<HTMLButtonElement | null>(null);
  const [dialog, setDialog] = useState<{ file: File | null } | null>(null);
  const [status, setStatus] = useState('');
  const restoreFocus = useRef(false);
  const [refused, setRefused] = useState(false);
  const importUndo = useImportUndo(doc, (outcome) => {
    setRefused(!outcome.ok);
    if (outcome.ok) setStatus(t('transfer.undo.done', { rows: outcome.removedRows }));
    else if (outcome.reason === 'edited') {
      setStatus(t('transfer.undo.edited', { rows: outcome.rows.map((title) => `「${title}」`).join('') }));
    } else setStatus(t('transfer.undo.gone'));
  });

  // The page behind a modal dialog is inert: focus can go back only once the dialog is gone.
  useEffect(() => {
    if (dialog === null && restoreFocus.current) {
      restoreFocus.current = false;
      lastTrigger.current?.focus();
    }
  }, [dialog]);

  const open = (file: File | null, trigger: HTMLButtonElement | null) => {
    lastTrigger.current = trigger;
    setStatus('');
    setRefused(false);
    setDialog({ file });
  };
  const close = () => {
    restoreFocus.current = true;
    setDialog(null);
  };

  return (
    <div className="transfer views-no-print" role="group" aria-label={t('views.transfer.label')}>
      {editable && (
        <div className="transfer__import">
          <button
            type="button"
            className="button button--quiet"
            data-testid="import-paste-button"
            onClick={(event) => open(null, event.currentTarget)}
          >
            {t('views.transfer.paste')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            data-testid="import-file-button"
            onClick={(event) => {
              lastTrigger.current = event.currentTarget;
              fileInput.current?.click();
            }}
          >
            {t('views.transfer.file')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={IMPORT_ACCEPT}
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="import-file-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so choosing the same file again still fires a change.
              event.target.value = '';
              if (file) open(file, lastTrigger.current);
            }}
          />
        </div>
      )}
      <div className="transfer__export">
        <span className="transfer__export-label">{t('views.transfer.export')}</span>
        {EXPORTS.map(({ table, label }) => (
          <span key={table} className="transfer__export-group">
            {t(label)}
            {FORMATS.map(({ format, label: formatLabel }) => (
              <a
                key={format}
                className="transfer__link"
                href={measureExportUrl(planId, { table, format })}
                download
                data-testid={`export-${table}-${format}`}
                aria-label={t('views.transfer.download', { table: t(label), format: formatLabel })}
              >
                {formatLabel}
              </a>
            ))}
          </span>
        ))}
      </div>
      <p className={refused ? 'transfer__status transfer__status--refused' : 'transfer__status'} role="status" data-testid="import-status">
        {status}
      </p>
      {editable && importUndo.importId !== null && (
        <button type="button" className="button button--quiet transfer__undo" data-testid="import-undo" onClick={() => importUndo.undo()}>
          {t('transfer.undo.action')}
        </button>
      )}
      {dialog && (
        <ImportDialog
          planId={planId}
          doc={doc}
          view={view}
          initialFile={dialog.file}
          onClose={close}
          onApplied={(summary) => {
            close();
            setRefused(false);
            setStatus(summary);
          }}
        />
      )}
    </div>
  );
}

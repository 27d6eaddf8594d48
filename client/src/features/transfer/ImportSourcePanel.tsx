import { useId } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { IMPORT_ACCEPT } from './readImportFile';
import type { FileSource } from './useFileSource';

const FAILURE_KEYS: Record<Extract<FileSource, { status: 'failed' }>['reason'], MessageKey> = {
  tooLarge: 'views.import.fileTooLarge',
  legacyExcel: 'views.import.fileLegacyExcel',
  unreadable: 'views.import.fileUnreadable',
  server: 'views.import.fileServerFailed',
  busy: 'views.import.fileBusy',
};

type Props = {
  fileSource: FileSource;
  text: string;
  onText: (text: string) => void;
  onFile: (file: File | null) => void;
};

/** Where the rows come from: a paste into the text box, or a file. */
export function ImportSourcePanel({ fileSource, text, onText, onFile }: Props) {
  const { t } = useI18n();
  const textId = useId();
  const fileId = useId();

  if (fileSource.status === 'none') {
    return (
      <div className="import-source">
        <label htmlFor={textId}>{t('views.import.pasteLabel')}</label>
        <textarea
          id={textId}
          className="import-source__text"
          rows={8}
          value={text}
          autoFocus
          spellCheck={false}
          placeholder={t('views.import.pastePlaceholder')}
          data-testid="import-text"
          onChange={(event) => onText(event.target.value)}
        />
        <div className="import-source__file">
          <label htmlFor={fileId}>{t('views.import.orFile')}</label>
          <input
            id={fileId}
            type="file"
            accept={IMPORT_ACCEPT}
            data-testid="import-dialog-file"
            onChange={(event) => onFile(event.target.files?.[0] ?? null)}
          />
        </div>
      </div>
    );
  }

  const { file } = fileSource;
  return (
    <div className="import-source">
      <p className="import-source__name">
        {t('views.import.fileName', { name: file.name })}
        {fileSource.status === 'read' && fileSource.source.sheetName !== null && (
          <span className="import-source__meta">{t('views.import.sheet', { name: fileSource.source.sheetName })}</span>
        )}
        {fileSource.status === 'read' && fileSource.source.encoding === 'shift_jis' && (
          <span className="import-source__meta">{t('views.import.shiftJis')}</span>
        )}
      </p>
      {fileSource.status === 'reading' && (
        <p className="import-source__progress" role="status" data-testid="import-progress">
          <progress aria-label={t('views.import.reading')} />
          <span>{t('views.import.reading')}</span>
        </p>
      )}
      {fileSource.status === 'failed' && (
        <p className="form__error" role="alert" data-testid="import-file-error">
          {t(FAILURE_KEYS[fileSource.reason])}
          {fileSource.message !== '' && <span className="import-source__meta">{fileSource.message}</span>}
        </p>
      )}
      <button type="button" className="button button--quiet" onClick={() => onFile(null)}>
        {t('views.import.switchToPaste')}
      </button>
    </div>
  );
}

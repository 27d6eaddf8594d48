import { parseDelimited, type ColumnMapping as Mapping, type ImportField, type ReprintDecision } from '@sakutei/shared/measures';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n, type Translate } from '../../i18n';
import type { ImportDialogProps } from '../plan/ports';
import './transfer.css';
import type { ImportKind } from './detectKind';
import { ColumnMapping } from './ColumnMapping';
import { HierarchyPreview } from './HierarchyPreview';
import { AttachChooser, KindChooser, ParentChooser } from './ImportOptions';
import { ImportProblems } from './ImportProblems';
import { ImportSourcePanel } from './ImportSourcePanel';
import { ImportSummary } from './ImportSummary';
import { KpiPreview } from './KpiPreview';
import { ReprintChoices } from './ReprintChoices';
import { UnimportedColumns } from './UnimportedColumns';
import { useFileSource } from './useFileSource';
import { useImportDraft, type ImportOutcome } from './useImportDraft';
import { noteImport } from './useImportUndo';

const NO_ROWS: string[][] = [];
const NO_DECISIONS: ReprintDecision[] = [];

type Choices = { source: string; headerLine: number | null; mapping: Mapping | null; reprints: ReprintDecision[] };
const FRESH: Choices = { source: '', headerLine: null, mapping: null, reprints: NO_DECISIONS };

/** What names a table for the user's choices: its header row's words, else its width. */
function tableKey(rows: readonly string[][], headerLine: number | null): string {
  if (headerLine !== null) return `header:${rows[headerLine - 1]?.join('\t') ?? ''}`;
  return `width:${rows.reduce((width, row) => Math.max(width, row.length), 0)}`;
}

export function describeOutcome(outcome: ImportOutcome, t: Translate): string {
  return outcome.kind === 'hierarchy'
    ? t('transfer.done', { count: outcome.rows })
    : t('views.import.doneKpis', { updated: outcome.updated, added: outcome.added, skipped: outcome.skipped });
}

/**
 * Imports a measure table, a 目次 or a 成果指標一覧 pasted from Excel or Word or read from a
 * file. It shows what would change and what could not be read; the document changes only
 * when the user confirms, in one transaction.
 */
export function ImportDialog({
  planId,
  doc,
  view,
  initialFile,
  initialText = '',
  initialParent = null,
  onClose,
  onApplied,
}: ImportDialogProps) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const previewId = useId();
  const [file, setFile] = useState<File | null>(initialFile);
  const [text, setText] = useState(initialText);
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [parent, setParent] = useState<string | null>(initialParent);
  const [attachNewTo, setAttachNewTo] = useState<string | null>(() => view.derived.rows.at(-1)?.node.id ?? null);
  const fileSource = useFileSource(planId, file);
  // The user's column choices and 再掲 answers belong to one table, known by its header row's
  // words (or, without a header, its number of columns): another paste or file starts from what
  // its own header and data say, while correcting a cell of the data keeps the choices.
  const [choices, setChoices] = useState<Choices>(FRESH);

  // A paste of a few hundred rows re-parses on every keystroke; let typing stay responsive.
  const deferredText = useDeferredValue(text);
  const pastedRows = useMemo(() => parseDelimited(deferredText), [deferredText]);
  const rows = fileSource.status === 'read' ? fileSource.source.rows : file === null ? pastedRows : NO_ROWS;
  // An attach row someone deleted meanwhile would only skip; fall back to "none" visibly.
  const attachTarget = attachNewTo !== null && view.derived.rowById.has(attachNewTo) ? attachNewTo : null;
  const parentTarget = parent !== null && view.derived.rowById.has(parent) ? parent : null;
  const current = choices.source === tableKey(rows, choices.headerLine) ? choices : FRESH;
  const draft = useImportDraft(doc, view, rows, {
    kind,
    parent: parentTarget,
    attachNewTo: attachTarget,
    mapping: current.mapping,
    reprints: current.reprints,
  });
  const hierarchy = draft.kind === 'hierarchy' ? draft.hierarchy : null;

  const choose = (next: Pick<Choices, 'mapping' | 'reprints'>) => {
    const headerLine = hierarchy?.headerLine ?? null;
    setChoices({ ...next, headerLine, source: tableKey(rows, headerLine) });
  };
  const changeMapping = (index: number, field: ImportField) => {
    // Start from the mapping in effect (remembered or detected), so one change keeps the rest.
    const base: Mapping = { ...(current.mapping ?? hierarchy?.mapping ?? {}) };
    choose({ ...current, mapping: { ...base, [index]: field } });
  };
  const decideReprint = (line: number, accept: boolean) => {
    const others = current.reprints.filter((decision) => decision.line !== line);
    choose({ ...current, reprints: [...others, { line, accept }] });
  };
  const hasInput = rows.some((row) => row.some((cell) => cell.trim() !== ''));

  // A modal <dialog> keeps focus inside and makes the page behind it inert.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const refused = draft.kind === 'hierarchy' && draft.refusal !== null;
  const apply = () => {
    if (draft.count === 0 || refused) return;
    const outcome = draft.apply();
    if (outcome.kind === 'hierarchy') noteImport(doc, outcome.importId);
    onApplied(describeOutcome(outcome, t));
  };

  return (
    <dialog
      ref={dialogRef}
      className="import-dialog"
      data-testid="import-dialog"
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        // Esc: close through the owner, which unmounts this dialog.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="import-dialog__body">
        <h2 id={titleId} className="import-dialog__title">
          {t('views.import.title')}
        </h2>
        <ImportSourcePanel fileSource={fileSource} text={text} onText={setText} onFile={setFile} />

        {hasInput && (
          <>
            <KindChooser kind={draft.kind} detected={draft.detected} onChange={setKind} />
            {draft.kind === 'hierarchy' ? (
              <ParentChooser derived={view.derived} scheme={view.table.settings.scheme} value={parentTarget} onChange={setParent} />
            ) : (
              <AttachChooser derived={view.derived} value={attachTarget} linkedCount={draft.linkedCount} onChange={setAttachNewTo} />
            )}
            {hierarchy && (
              <>
                <ColumnMapping
                  columns={hierarchy.columns}
                  headerLine={hierarchy.headerLine}
                  mappingFrom={draft.mappingFrom}
                  changed={current.mapping !== null}
                  onChange={changeMapping}
                  onReset={() => choose({ ...current, mapping: null })}
                />
                <UnimportedColumns columns={hierarchy.unimportedColumns} />
                <ReprintChoices findings={hierarchy.reprints} decisions={current.reprints} onDecide={decideReprint} />
              </>
            )}
            <section className="import-dialog__preview" aria-labelledby={previewId}>
              <h3 id={previewId}>{t('views.import.previewHeading')}</h3>
              {hierarchy && hierarchy.nodes.length > 0 && <ImportSummary preview={hierarchy} />}
              {/* Wide tables scroll sideways; a focusable region lets the keyboard scroll them too. */}
              {(draft.kind === 'hierarchy' ? draft.hierarchyRows.length : draft.kpiItems.length) > 0 && (
                <div className="import-dialog__scroll" tabIndex={0} role="group" aria-labelledby={previewId}>
                  {draft.kind === 'hierarchy' && <HierarchyPreview rows={draft.hierarchyRows} />}
                  {draft.kind === 'kpis' && <KpiPreview items={draft.kpiItems} />}
                </div>
              )}
              {(draft.kind === 'hierarchy' ? draft.hierarchyRows.length : draft.kpiItems.length) === 0 && (
                <p className="import-dialog__nothing">{t('views.import.nothingToImport')}</p>
              )}
            </section>
            <ImportProblems problems={draft.problems} />
          </>
        )}
      </div>

      <div className="import-dialog__actions">
        <button type="button" className="button" data-testid="import-cancel" onClick={onClose}>
          {t('views.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="import-apply"
          disabled={draft.count === 0 || refused || fileSource.status === 'reading'}
          onClick={apply}
        >
          {t('views.import.apply', { count: draft.count })}
        </button>
      </div>
    </dialog>
  );
}

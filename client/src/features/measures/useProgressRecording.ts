import { setProgress, type DerivedRow, type ProgressEntry } from '@sakutei/shared/measures';
import { useState } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { yearLong } from './kpiFormat';
import { recordProgress } from './progressApi';

export type ProgressRecording = {
  /** The placement and year whose dialog is open. */
  open: { row: DerivedRow; year: number } | null;
  start: (row: DerivedRow, year: number) => void;
  close: () => void;
  save: (entry: ProgressEntry | null) => Promise<void>;
};

type Options = {
  doc: Y.Doc;
  planId: string;
  /** Editors write the document (one undo step); staff, whose access is comment-only, go through the API. */
  editable: boolean;
  run: <T>(change: () => T) => T;
  announce: (text: string) => void;
  /** Called once the dialog closes, to give the keyboard focus back to the grid. */
  onClosed: () => void;
};

/** Opening the 実施状況 dialog for a placement and writing what it records. */
export function useProgressRecording({ doc, planId, editable, run, announce, onClosed }: Options): ProgressRecording {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<ProgressRecording['open']>(null);

  const save = async (entry: ProgressEntry | null) => {
    if (!open) return;
    const { row, year } = open;
    if (editable) {
      const written = run(() => setProgress(doc, row.node.id, year, entry));
      if (!written) throw new Error(t('progress.dialog.offline'));
    } else {
      try {
        await recordProgress(planId, row.node.id, year, entry);
      } catch (error) {
        if (!(error instanceof ApiError)) throw new Error(t('progress.dialog.offline'));
        throw new Error(error.status === 403 ? t('progress.readOnly') : error.message);
      }
    }
    const label = [row.number, row.title].filter(Boolean).join(' ');
    announce(
      entry
        ? t('progress.announce.saved', { row: label, year: yearLong(year, locale), status: t(`progress.status.${entry.status}`) })
        : t('progress.announce.cleared', { row: label, year: yearLong(year, locale) }),
    );
  };

  return {
    open,
    start: (row, year) => {
      if (row.node.kind === 'placement') setOpen({ row, year });
    },
    close: () => {
      setOpen(null);
      onClosed();
    },
    save,
  };
}

import { deleteNode } from '@sakutei/shared/measures';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { usePlanSlots } from '../plan/ports';
import type { MeasureView } from '../plan/useMeasureTable';
import { DeleteRowDialog } from './DeleteRowDialog';
import { subtreeOf } from './gridModel';
import { ReprintDialog } from './ReprintDialog';
import type { RowCommands } from './useGridCommands';
import type { MeasureDialog } from './useMeasureDialog';

type Props = {
  dialog: MeasureDialog | null;
  planId: string;
  doc: Y.Doc;
  view: MeasureView;
  run: <T>(change: () => T) => T;
  announce: (text: string) => void;
  addRow: RowCommands['addRow'];
  /** Closes the dialog and returns to the grid. */
  onClose: () => void;
  /** Closes the dialog where the next step moves the focus itself. */
  onDismiss: () => void;
};

/** The open dialog: delete a row (with what goes with it), list a project again, or import a paste. */
export function MeasureDialogs({ dialog, planId, doc, view, run, announce, addRow, onClose, onDismiss }: Props) {
  const { t } = useI18n();
  const { ImportDialog } = usePlanSlots();
  const { derived } = view;
  if (!dialog) return null;
  if (dialog.kind === 'import') {
    return (
      <ImportDialog
        planId={planId}
        doc={doc}
        view={view}
        initialFile={null}
        initialText={dialog.text}
        initialParent={dialog.at.parent}
        onClose={onClose}
        onApplied={(summary) => {
          announce(summary);
          onClose();
        }}
      />
    );
  }
  const row = derived.rowById.get(dialog.rowId);
  if (!row) return null;
  if (dialog.kind === 'delete') {
    return (
      <DeleteRowDialog
        subtree={subtreeOf(derived.rows, row.node.id)}
        onCancel={onClose}
        onConfirm={() => {
          run(() => deleteNode(doc, row.node.id));
          announce(t('measures.announce.deleted', { row: row.number || row.title }));
          onClose();
        }}
      />
    );
  }
  return (
    <ReprintDialog
      source={row}
      rows={derived.rows}
      onCancel={onClose}
      onConfirm={(target) => {
        onDismiss();
        if (row.node.projectId === null) return;
        addRow({ parent: target }, 'placement', { projectId: row.node.projectId, status: row.node.status });
        announce(t('measures.announce.reprinted', { title: row.title }));
      }}
    />
  );
}

import { useEffect, useState } from 'react';
import { ApiError, isBusy } from '../../lib/api';
import { ImportFileError, readImportFile, type ImportSource, type ReadFailure } from './readImportFile';

export type FileSource =
  | { status: 'none' }
  | { status: 'reading'; file: File }
  | { status: 'read'; file: File; source: ImportSource }
  | { status: 'failed'; file: File; reason: ReadFailure | 'server' | 'busy'; message: string };

/** Reads `file` when it is set; a newer file or closing the dialog discards an older read. */
export function useFileSource(planId: string, file: File | null): FileSource {
  const [state, setState] = useState<FileSource>({ status: 'none' });

  useEffect(() => {
    if (file === null) {
      setState({ status: 'none' });
      return;
    }
    let current = true;
    setState({ status: 'reading', file });
    readImportFile(planId, file).then(
      (source) => {
        if (current) setState({ status: 'read', file, source });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ImportFileError) setState({ status: 'failed', file, reason: error.reason, message: '' });
        // The server's threads are taken (by this person's other requests, or by everyone's): say so, not "unreadable".
        else if (error instanceof ApiError && isBusy(error)) {
          setState({ status: 'failed', file, reason: 'busy', message: error.message });
        } else {
          const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
          setState({ status: 'failed', file, reason: 'server', message });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [planId, file]);

  return state;
}

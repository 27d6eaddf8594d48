import { isPlacement, readSettings, setProgress, type ProgressEntry } from '@sakutei/shared/measures';
import type { AppDeps } from '../env';

/**
 * Recording one project's 実施状況 for a fiscal year on the live document. The route has
 * already checked who may; this checks what: the row must be a placement, and an entry
 * (not a clearing) must be for one of the years the plan tracks.
 */
export type ProgressRecordOutcome = 'ok' | 'missing' | 'untracked';

export function recordProgress(
  deps: Pick<AppDeps, 'rooms'>,
  docName: string,
  nodeId: string,
  fiscalYear: number,
  entry: ProgressEntry | null,
): Promise<ProgressRecordOutcome> {
  return deps.rooms.use(docName, (room) => {
    if (!isPlacement(room.doc, nodeId)) return 'missing';
    // Clearing is allowed for any year, so an entry left behind by a removed year can go.
    if (entry !== null && !readSettings(room.doc).actualYears.includes(fiscalYear)) return 'untracked';
    setProgress(room.doc, nodeId, fiscalYear, entry);
    return 'ok';
  });
}

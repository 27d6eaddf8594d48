import type { Role } from '@sakutei/shared';
import { canReadDraft } from './plan';

/**
 * The annual progress report of the live draft reads the draft (its KPIs, 実施状況 and the
 * council's 評価・課題 in progress), so it is for those who read the draft; observers read
 * the report of the revisions shown to them (canSeeRevision). Editing the 評価・課題 is
 * editing the document, which the collaboration room allows to those with edit access.
 */
export const canReadLiveReport = (role: Role) => canReadDraft(role);

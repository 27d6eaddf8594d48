import type { Role } from '@sakutei/shared';
import type { PresenceUser } from './presence';
import type { ProseSuggesting } from './suggesting';
import type { CollabSession } from './useCollabDoc';

/** What every view of an open plan (text, measure table, generated lists) is given. */
export interface PlanViewProps {
  planId: string;
  /** The council the plan belongs to (its members list). */
  workspaceId: string;
  session: CollabSession;
  user: PresenceUser;
  role: Role;
  /** Whether this member may change the document now (edit access and not refused). */
  editable: boolean;
  /**
   * Whether the prose takes suggestions (提案) from this member now, and whether only those;
   * null or absent: not (reading, or refused). Only the prose reads it: the measure table
   * follows `editable`.
   */
  suggesting?: ProseSuggesting | null;
}

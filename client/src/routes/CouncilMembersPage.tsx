import { useMe } from '../app/session';
import { MembersPage } from '../features/members/MembersPage';
import { DecidersSetting, mayChooseDeciders } from '../features/suggestions/DecidersSetting';

/** A council's page: its members, and, for staff and the chair, who decides its suggestions. */
export function CouncilMembersPage({ workspaceId }: { workspaceId: string }) {
  const me = useMe();
  const role = me.memberships.find((membership) => membership.workspaceId === workspaceId)?.role;
  return (
    <>
      <MembersPage workspaceId={workspaceId} />
      {mayChooseDeciders(role) && <DecidersSetting workspaceId={workspaceId} />}
    </>
  );
}

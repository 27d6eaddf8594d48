import type { Role } from '@sakutei/shared';
import type { AppDeps } from '../env';
import type { UserRecord } from '../storage';
import { runHeavy } from '../work/heavyWork';
import type { MeetingDocumentSource } from './export/meetingDocuments';
import { DOCUMENT_NAMES, type MeetingDocumentKind, type MeetingSource, type PublishNames } from './export/meetingModel';
import { meetingAccess } from './meetingAccess';
import { presentMaterial } from './meetingMaterials';
import { minutesContent } from './minutesContent';

export type ExportFormat = 'docx' | 'html';

export type MeetingExport = {
  body: Uint8Array<ArrayBuffer> | string;
  format: ExportFormat;
  /** The download's name in Japanese (「令和8年度 第1回_次第.docx」) and in ASCII for older browsers. */
  fileName: string;
  asciiName: string;
};

/**
 * A meeting's documents for paper (issue 17, item 7): 次第, 出席者名簿 and 議事録, as Word or a
 * page to print. Who may: whoever reads the council's meetings takes the 次第 and the 名簿; the
 * 議事録 follows minutesContent (confirmed minutes for all readers, a draft only for those who
 * manage meetings). Rendering runs on a heavy-work thread.
 */
export function meetingExportService(deps: Pick<AppDeps, 'storage' | 'rooms'>) {
  const { storage } = deps;
  const access = meetingAccess(deps);

  async function meetingSource(workspaceId: string, meetingId: string): Promise<MeetingSource> {
    const record = await access.meetingOf(workspaceId, meetingId);
    const [meeting, workspace, materials] = await Promise.all([
      access.present(record),
      storage.workspaces.findWorkspace(workspaceId),
      storage.meetingMaterials.list(meetingId),
    ]);
    return {
      councilName: workspace?.name ?? '',
      meeting,
      materials: materials.map(presentMaterial).map((m) => ({ label: m.label, title: m.title })),
    };
  }

  /** Everyone whose name may stand in the minutes: the council's members, those on the attendance sheet, and the proxies who came for them. */
  async function peopleOf(workspaceId: string, source: MeetingSource) {
    const members = await storage.workspaces.listMembers(workspaceId);
    const people = new Map<string, { userId: string; name: string; role: Role }>();
    for (const m of members) people.set(m.userId, { userId: m.userId, name: m.name, role: m.role });
    for (const e of source.meeting.attendance) {
      if (!people.has(e.userId)) people.set(e.userId, { userId: e.userId, name: e.name, role: e.role });
      // A proxy speaks for the member and is anonymised as any other member is.
      if (e.proxyName?.trim()) people.set(`proxy:${e.userId}`, { userId: `proxy:${e.userId}`, name: e.proxyName, role: 'member' });
    }
    return [...people.values()];
  }

  async function input(user: UserRecord, workspaceId: string, meetingId: string, kind: MeetingDocumentKind, names: PublishNames | undefined): Promise<MeetingDocumentSource> {
    if (kind === 'minutes') {
      // Authorises first: 404 for outsiders and observers, 403 for a member asking for a draft.
      const content = await minutesContent(deps, user, workspaceId, meetingId);
      const source = await meetingSource(workspaceId, meetingId);
      return {
        kind,
        source: {
          ...source,
          prose: content.prose,
          confirmed: content.confirmed,
          hash: content.hash,
          names: names ?? content.publishNames,
          people: await peopleOf(workspaceId, source),
        },
      };
    }
    await access.reader(workspaceId, user);
    return { kind, source: await meetingSource(workspaceId, meetingId) };
  }

  return {
    async render(user: UserRecord, workspaceId: string, meetingId: string, kind: MeetingDocumentKind, format: ExportFormat, names?: PublishNames): Promise<MeetingExport> {
      const document = await input(user, workspaceId, meetingId, kind, names);
      const minutes = document.kind === 'minutes' ? document.source : null;
      const suffix = minutes ? `${minutes.confirmed ? '' : '（案）'}${minutes.names === 'anonymised' ? '_公表用' : ''}` : '';
      const stem = `${document.source.meeting.label}_${DOCUMENT_NAMES[kind]}${suffix}`;
      const asciiStem = `meeting-${kind}${minutes && !minutes.confirmed ? '-draft' : ''}${minutes?.names === 'anonymised' ? '-anonymised' : ''}`;
      const body =
        format === 'docx'
          ? await runHeavy('meetingDocx', { input: document }).then((bytes) => new Uint8Array(bytes))
          : await runHeavy('meetingHtml', { input: document });
      return { body, format, fileName: `${stem}.${format}`, asciiName: `${asciiStem}.${format}` };
    },
  };
}

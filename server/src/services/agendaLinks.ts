import { type AgendaLink, type AgendaLinkInput, type AgendaLinkTargets, BODY_FRAGMENT, materialLabel, proseOutline } from '@sakutei/shared';
import { deriveTable, readMeasureTable } from '@sakutei/shared/measures';
import * as Y from 'yjs';
import { AppError } from '../errors';
import type { RoomRegistry } from '../collab/room/registry';
import type { Storage } from '../storage';
import { proseJsonOf } from './proseJson';

/** How much of a thread's quote names it in a link's label. */
const QUOTE_CHARS = 40;

const memo = <T>(find: (id: string) => Promise<T>) => {
  const found = new Map<string, Promise<T>>();
  return (id: string) => found.get(id) ?? found.set(id, find(id)).get(id)!;
};

const quoteOf = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);

/** A plan draft's headings and KPIs, as agenda links name them. */
export interface PlanOutline {
  sections: ReturnType<typeof proseOutline>;
  kpis: Map<string, { id: string; label: string }>;
}

/** Reads the outline of a live document by its name; null when it is not to be had now. */
export type PlanOutlineSource = (docName: string) => Promise<PlanOutline | null>;

function outlineOfDoc(doc: Y.Doc): PlanOutline {
  const sections = proseOutline(proseJsonOf(doc.getXmlFragment(BODY_FRAGMENT)).prose);
  const kpis = deriveTable(readMeasureTable(doc)).kpis.map(({ kpi, mark }) => ({ id: kpi.id, label: `指標${mark} ${kpi.name}`.trim() }));
  return { sections, kpis: new Map(kpis.map((k) => [k.id, k])) };
}

/**
 * The outline from the plan's room, loaded if it is not (as a revision is frozen from it): for
 * a save or the pickers, which must know. A large plan loads once and stays for its editors.
 */
export function loadingOutlines(rooms: Pick<RoomRegistry, 'use'>): PlanOutlineSource {
  return (docName) => rooms.use(docName, (room) => outlineOfDoc(room.doc));
}

/**
 * The outline only when the plan's room is loaded already, else null: for reading a meeting,
 * which every viewer does every 15 s. Loading (replaying a 4 MB plan's log takes seconds) is
 * never done for a read; a link whose plan is not open is shown as stored, not as gone.
 */
export function loadedOutlines(rooms: Pick<RoomRegistry, 'loaded'> | undefined): PlanOutlineSource {
  return async (docName) => {
    for (const room of rooms?.loaded() ?? []) if (room.name === docName) return outlineOfDoc(room.doc);
    return null;
  };
}

/**
 * What agenda links of one meeting may point at, read once per plan: its headings and KPIs from
 * the draft's live document (through `outlineOf`), its draft's threads, and the meeting's
 * materials. One reader serves a whole agenda, so 500 links into one plan read its document
 * once, not 500 times.
 */
export function agendaLinkReader(
  storage: Pick<Storage, 'plans' | 'revisions' | 'comments' | 'meetingMaterials'>,
  workspaceId: string,
  meetingId: string,
  outlineOf: PlanOutlineSource,
) {
  const planOf = memo(async (id) => {
    const plan = await storage.plans.find(id);
    // Another council's plan is as unknown as one that never was.
    return plan && plan.workspaceId === workspaceId ? plan : null;
  });
  const revisionOf = memo((id) => storage.revisions.find(id));
  const docOf = memo(async (planId): Promise<PlanOutline | 'unknown' | null> => {
    const plan = await planOf(planId);
    if (!plan) return null;
    return (await outlineOf(plan.docName)) ?? 'unknown';
  });
  /** For a save or the pickers, whose source loads the document: the outline is always known there. */
  const knownOutline = async (planId: string): Promise<PlanOutline | null> => {
    const doc = await docOf(planId);
    if (doc === 'unknown') throw new Error(`the outline of plan ${planId} could not be read`);
    return doc;
  };
  const threadsOf = memo(async (planId) => {
    // The draft's threads: those of a frozen revision are read on that revision, not on the plan page a link opens.
    const threads = (await storage.comments.listThreads(planId)).filter((t) => t.revisionId === null);
    return new Map(threads.map((t) => [t.id, { id: t.id, label: `意見${t.number}「${quoteOf(t.anchor.quote)}」` }]));
  });
  let materials: Promise<Map<string, { id: string; label: string }>> | null = null;
  const materialsOf = () =>
    (materials ??= storage.meetingMaterials.list(meetingId).then((list) => new Map(list.map((m) => [m.id, { id: m.id, label: `${materialLabel(m.position)} ${m.title}` }]))));

  const refuse = (what: string) => new AppError(400, 'invalid_link', `links: ${what}`);

  return {
    /** The pickers' choices in one plan of the council; null when the plan is not the council's. */
    async targets(planId: string): Promise<AgendaLinkTargets | null> {
      const doc = await knownOutline(planId);
      if (!doc) return null;
      return { sections: doc.sections, threads: [...(await threadsOf(planId)).values()], kpis: [...doc.kpis.values()] };
    },

    /** The links as stored, each checked and named by the server; anything not this council's is refused (400). */
    async resolve(inputs: readonly AgendaLinkInput[], kept: ReadonlyMap<string, AgendaLink> = new Map()): Promise<AgendaLink[]> {
      const links: AgendaLink[] = [];
      for (const input of inputs) {
        // A link the agenda already holds stays as stored when its target has since gone, so
        // the rest of the agenda can still be edited (it reads as gone until it is taken out).
        const stored = kept.get(linkKey(input as AgendaLink));
        if (stored && !(await this.exists(stored))) {
          links.push(stripGone(stored));
          continue;
        }
        switch (input.kind) {
          case 'text':
            links.push({ kind: 'text', text: input.text });
            break;
          case 'plan': {
            const plan = await planOf(input.planId);
            if (!plan) throw refuse('a plan link names a plan of this council.');
            links.push({ kind: 'plan', planId: plan.id, label: plan.title });
            break;
          }
          case 'revision': {
            const revision = await revisionOf(input.revisionId);
            const plan = revision ? await planOf(revision.planId) : null;
            if (!revision || !plan) throw refuse('a revision link names a revision of a plan of this council.');
            links.push({ kind: 'revision', revisionId: revision.id, planId: plan.id, label: `${plan.title} 第${revision.number}版「${revision.name}」` });
            break;
          }
          case 'section': {
            const plan = await planOf(input.planId);
            const doc = plan ? await knownOutline(plan.id) : null;
            const section = doc?.sections.find((s) => s.headingText === input.headingText);
            if (!plan || !section) throw refuse('a section link names a heading of the draft of a plan of this council.');
            links.push({ kind: 'section', planId: plan.id, headingText: section.headingText, label: `${plan.title}「${section.headingText}」` });
            break;
          }
          case 'thread': {
            const plan = await planOf(input.planId);
            const thread = plan ? (await threadsOf(plan.id)).get(input.threadId) : undefined;
            if (!plan || !thread) throw refuse('a thread link names a comment thread of the draft of a plan of this council.');
            links.push({ kind: 'thread', planId: plan.id, threadId: thread.id, label: `${plan.title} ${thread.label}` });
            break;
          }
          case 'kpi': {
            const plan = await planOf(input.planId);
            const kpi = plan ? (await knownOutline(plan.id))?.kpis.get(input.kpiId) : undefined;
            if (!plan || !kpi) throw refuse('a KPI link names a KPI of a plan of this council.');
            links.push({ kind: 'kpi', planId: plan.id, kpiId: kpi.id, label: `${plan.title} ${kpi.label}` });
            break;
          }
          case 'material': {
            const material = (await materialsOf()).get(input.materialId);
            if (!material) throw refuse('a material link names a material of this meeting.');
            links.push({ kind: 'material', materialId: material.id, label: material.label });
            break;
          }
        }
      }
      return links;
    },

    /** Whether a stored link's target is still there (links of the older kinds are taken as they are). */
    async exists(link: AgendaLink): Promise<boolean> {
      const [presented] = await this.present([link]);
      return !(presented && 'gone' in presented && presented.gone);
    },

    /**
     * The stored links as they read now: one whose target has been deleted keeps its stored
     * label and is marked gone; a material is named by its number now (資料n moves when
     * others are removed). Links of the older kinds are left as stored.
     */
    async present(links: readonly AgendaLink[]): Promise<AgendaLink[]> {
      const out: AgendaLink[] = [];
      for (const link of links) {
        switch (link.kind) {
          case 'section': {
            const doc = await docOf(link.planId);
            // Not loaded now: shown as stored (it was there when saved).
            out.push({ ...link, gone: doc === 'unknown' ? false : !doc?.sections.some((s) => s.headingText === link.headingText) });
            break;
          }
          case 'thread':
            out.push({ ...link, gone: !(await planOf(link.planId)) || !(await threadsOf(link.planId)).has(link.threadId) });
            break;
          case 'kpi': {
            const doc = await docOf(link.planId);
            out.push({ ...link, gone: doc === 'unknown' ? false : !doc?.kpis.has(link.kpiId) });
            break;
          }
          case 'material': {
            const material = (await materialsOf()).get(link.materialId);
            out.push(material ? { ...link, label: material.label, gone: false } : { ...link, gone: true });
            break;
          }
          default:
            out.push(link);
        }
      }
      return out;
    },
  };
}

/** What a link points at, for telling whether an item changed: not its label, which the server writes. */
export function linkIdentity(link: AgendaLink): unknown[] {
  switch (link.kind) {
    case 'revision':
      return ['r', link.revisionId];
    case 'plan':
      return ['p', link.planId];
    case 'text':
      return ['t', link.text];
    case 'section':
      return ['s', link.planId, link.headingText];
    case 'thread':
      return ['th', link.planId, link.threadId];
    case 'kpi':
      return ['k', link.planId, link.kpiId];
    case 'material':
      return ['m', link.materialId];
  }
}

/** A key for what a link points at. */
export const linkKey = (link: AgendaLink): string => JSON.stringify(linkIdentity(link));

function stripGone(link: AgendaLink): AgendaLink {
  if (!('gone' in link)) return link;
  const { gone: _gone, ...rest } = link;
  return rest as AgendaLink;
}

import { type Calendar, type PlanSnapshot, type Revision, REVIEW_STATUS_LABELS, formatDate } from '@sakutei/shared';
import { hasPendingSuggestions, proseView } from '@sakutei/shared/editor';
import { CELL_SUGGESTIONS_HEADING, cellSuggestionTable } from './cellSuggestionSection';
import { type DocTable, isWide } from './docTable';
import { contentWidth, docxTable, meta, note, packDocument, sectionHeading, title, type SectionSpec } from './docxKit';
import { escapeHtml, htmlPage, htmlTable, type HtmlSection } from './htmlKit';
import { kpiDocTable, measureDocTable } from './planTables';
import { proseToDocx } from './proseDocx';
import { proseToHtml, suggestionLegendHtml } from './proseHtml';
import { proposalKinds } from './suggestionLabels';

/**
 * A frozen revision as a Word file and as a page to print: the prose, then the whole
 * 施策・事業・担当 table and the 成果指標一覧, each table on landscape pages when it is too
 * wide for portrait. Everything comes from the stored snapshot, so what is printed is what
 * was approved.
 */

export type RevisionExportOptions = {
  calendar: Calendar;
  /** The audit log's newest entry when the file was made: a copy of the chain's head kept on paper. */
  auditHead?: { seq: number; hash: string } | null;
  /**
   * Pending suggestions: `markup` shows them (Word's tracked changes, 見え消し in print) with
   * their authors' names (looked up by the caller, in order of appearance); `clean`, the
   * default, prints the text as if every one were rejected: the wording adopted so far.
   */
  suggestions?: {
    view: 'markup' | 'clean';
    authors: Array<{ id: string; name: string }>;
    /** Names of those with a pending cell proposal (listed under 表の変更提案 in `markup`). */
    cellAuthors?: Array<{ id: string; name: string }>;
  };
};

/** The prose to render and whether its suggestions are shown (only when asked and there are some). */
function proseFor(snapshot: PlanSnapshot, options: RevisionExportOptions) {
  const pending = hasPendingSuggestions(snapshot.prose);
  if (pending && options.suggestions?.view === 'markup') return { prose: snapshot.prose, authors: options.suggestions.authors };
  return { prose: pending ? proseView(snapshot.prose, 'clean') : snapshot.prose, authors: null };
}

const TRACKED_NOTE = '未決定の提案を変更履歴として含みます（「校閲」タブで承諾・却下できます）。';

const dated = (iso: string | null, calendar: Calendar) => (iso ? formatDate(new Date(iso), calendar) : '');

/** The audit chain's head as printed under a revision's title (`pnpm cli audit verify --head` checks it). */
export const auditHeadLine = (head: RevisionExportOptions['auditHead']) => (head ? `監査記録 第${head.seq}件 ${head.hash}` : null);

export function revisionMeta(revision: Revision, calendar: Calendar): string {
  const parts = [
    `第${revision.number}版「${revision.name}」（${revision.stage}）`,
    REVIEW_STATUS_LABELS[revision.review.status],
    `作成 ${dated(revision.createdAt, calendar)}`,
  ];
  if (revision.decidedAt && revision.review.status === 'approved') parts.push(`承認 ${dated(revision.decidedAt, calendar)}`);
  parts.push(`SHA-256 ${revision.hash}`);
  return parts.join(' ／ ');
}

function tables(snapshot: PlanSnapshot, options: RevisionExportOptions): Array<{ heading: string; table: DocTable }> {
  const { calendar } = options;
  const out: Array<{ heading: string; table: DocTable }> = [];
  // The table's pending cell proposals follow the prose when suggestions are shown (cellSuggestionSection.ts).
  const proposals = options.suggestions?.view === 'markup' ? cellSuggestionTable(snapshot, options.suggestions.cellAuthors ?? [], calendar) : null;
  if (proposals) out.push({ heading: CELL_SUGGESTIONS_HEADING, table: proposals });
  const measures = measureDocTable(snapshot.measures);
  if (measures) out.push({ heading: `施策・事業・担当（${snapshot.measures.settings.scheme.name}）`, table: measures });
  const kpis = kpiDocTable(snapshot.measures, calendar);
  if (kpis) out.push({ heading: '成果指標一覧', table: kpis });
  return out;
}

function headHtml(options: RevisionExportOptions): string {
  const line = auditHeadLine(options.auditHead);
  return line ? `<p class="meta">${escapeHtml(line)}</p>` : '';
}

const headDocx = (options: RevisionExportOptions) => {
  const line = auditHeadLine(options.auditHead);
  return line ? [meta(line)] : [];
};

const docTitle = (revision: Revision) => `第${revision.number}版`;

export function revisionHtml(planTitle: string, revision: Revision, snapshot: PlanSnapshot, options: RevisionExportOptions): string {
  const { prose, authors } = proseFor(snapshot, options);
  const markup = authors ? { authors, kinds: proposalKinds(prose) } : null;
  const sections: HtmlSection[] = [
    {
      landscape: false,
      html: `<h1>${escapeHtml(planTitle)}</h1><p class="meta">${escapeHtml(revisionMeta(revision, options.calendar))}</p>${headHtml(options)}${
        markup ? suggestionLegendHtml(markup) : ''
      }${proseToHtml(prose, markup)}`,
    },
    ...tables(snapshot, options).map(({ heading, table }) => ({
      landscape: isWide(table),
      html: `<h2>${escapeHtml(heading)}</h2>${htmlTable(table)}`,
    })),
  ];
  return htmlPage({ planTitle, docTitle: docTitle(revision), landscape: false, sections });
}

export function revisionDocx(planTitle: string, revision: Revision, snapshot: PlanSnapshot, options: RevisionExportOptions): Promise<Buffer> {
  const { prose, authors } = proseFor(snapshot, options);
  const tracked = authors ? { authors: Object.fromEntries(authors.map((a) => [a.id, a.name])), nextId: 1 } : null;
  const sections: SectionSpec[] = [
    {
      landscape: false,
      children: [
        title(planTitle),
        meta(revisionMeta(revision, options.calendar)),
        ...headDocx(options),
        ...(tracked ? [note(TRACKED_NOTE)] : []),
        ...proseToDocx(prose, contentWidth(false), tracked),
      ],
    },
  ];
  for (const { heading, table } of tables(snapshot, options)) {
    const landscape = isWide(table);
    const previous = sections.at(-1)!;
    // A table that fits portrait follows on; a wide one starts a landscape section.
    const target = previous.landscape === landscape ? previous : (sections.push({ landscape, children: [] }), sections.at(-1)!);
    target.children.push(sectionHeading(heading), docxTable(table, contentWidth(landscape)));
  }
  return packDocument(planTitle, docTitle(revision), sections);
}

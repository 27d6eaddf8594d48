import { type Calendar, type CompareResponse, type MeasureDiff, type ProseDiffRow, evaluationGroups, formatDate, measureGroups, progressGroups } from '@sakutei/shared';
import type { z } from 'zod';
import { contentWidth, docxTable, meta, note, packDocument, sectionHeading, title } from './docxKit';
import { escapeHtml, htmlPage, htmlTable } from './htmlKit';
import { suggestionLegendHtml } from './proseHtml';
import { type ProposalKinds, kindsNote, overlaidKinds } from './suggestionLabels';
import type { CompareOrder } from '@sakutei/shared';
import { SIDE_NAMES, compareLinesDocTable, compareProseDocTable } from './planTables';

/**
 * The 新旧対照表 as a Word file and a page to print. It is a wide document by nature (two
 * sides of prose, five columns of changes), so it is laid out on landscape A4 throughout;
 * 改正後 stands on the left unless the reader asks for the old order.
 */

type Comparison = z.infer<typeof CompareResponse>;
export type CompareExportOptions = { calendar: Calendar; order: CompareOrder; now?: Date };

const DOC_TITLE = '新旧対照表';

function sidesLine(comparison: Comparison, options: CompareExportOptions): string {
  const sides = [`${SIDE_NAMES.new}：${comparison.to.label}`, `${SIDE_NAMES.old}：${comparison.from.label}`];
  return `${(options.order === 'new-old' ? sides : sides.reverse()).join(' ／ ')} ／ 作成 ${formatDate(options.now ?? new Date(), options.calendar)}`;
}

function tables(comparison: Comparison, options: CompareExportOptions) {
  const diff = comparison.measures as MeasureDiff;
  return {
    prose: compareProseDocTable(comparison.prose as ProseDiffRow[], options.order, { from: comparison.from.label, to: comparison.to.label }),
    measures: compareLinesDocTable(measureGroups(diff), options.order, options.calendar),
    // The yearly parts frozen with the plan (issue 14 §6, §7), laid out as the screen shows them.
    progress: compareLinesDocTable(progressGroups(diff), options.order, options.calendar),
    evaluations: compareLinesDocTable(evaluationGroups(diff), options.order, options.calendar),
  };
}

const MARKS_NOTE = '削除は取消線、追加は下線で示します。';
/** Said in the Word file, where the legend's colours are the runs' own. */
const suggestionsNote = (authors: ReadonlyArray<{ name: string }>, kinds: ProposalKinds) =>
  `${SIDE_NAMES.new}の未決定の提案を見え消しで示します（二重下線は追加の提案、二重取消線は削除の提案。${kindsNote(kinds)}色は提案者ごと：${authors.map((a) => a.name).join('、')}）。`;

export function compareHtml(planTitle: string, comparison: Comparison, options: CompareExportOptions): string {
  const { prose, measures, progress, evaluations } = tables(comparison, options);
  const authors = comparison.suggestionAuthors ?? [];
  const legend = authors.length > 0 ? suggestionLegendHtml({ authors, kinds: overlaidKinds(comparison.prose as ProseDiffRow[]) }) : '';
  const html = `<h1>${escapeHtml(planTitle)} ${DOC_TITLE}</h1><p class="meta">${escapeHtml(sidesLine(comparison, options))}</p>
<h2>本文</h2>${legend}${htmlTable(prose, MARKS_NOTE, true, authors)}<h2>施策・事業・成果指標</h2>${htmlTable(measures, undefined, true)}
<h2>実施状況</h2>${htmlTable(progress, MARKS_NOTE, true)}<h2>評価・課題</h2>${htmlTable(evaluations, MARKS_NOTE, true)}`;
  return htmlPage({ planTitle, docTitle: DOC_TITLE, landscape: true, sections: [{ html, landscape: true }] });
}

export function compareDocx(planTitle: string, comparison: Comparison, options: CompareExportOptions): Promise<Buffer> {
  const { prose, measures, progress, evaluations } = tables(comparison, options);
  const width = contentWidth(true);
  const authors = comparison.suggestionAuthors ?? [];
  return packDocument(planTitle, DOC_TITLE, [
    {
      landscape: true,
      children: [
        title(`${planTitle} ${DOC_TITLE}`),
        meta(sidesLine(comparison, options)),
        sectionHeading('本文'),
        ...(authors.length > 0 ? [note(suggestionsNote(authors, overlaidKinds(comparison.prose as ProseDiffRow[])))] : []),
        docxTable(prose, width, authors),
        sectionHeading('施策・事業・成果指標'),
        docxTable(measures, width),
        sectionHeading('実施状況'),
        docxTable(progress, width),
        sectionHeading('評価・課題'),
        docxTable(evaluations, width),
      ],
    },
  ]);
}

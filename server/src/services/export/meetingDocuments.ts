import { AlignmentType, Paragraph, TabStopType, type Table } from 'docx';
import { contentWidth, docxTable, note, packDocument, run, type SectionSpec } from './docxKit';
import { escapeHtml, htmlPage, htmlTable } from './htmlKit';
import {
  type HeadLine,
  type MeetingDocumentModel,
  type MeetingHead,
  type MeetingSource,
  type MinutesSource,
  agendaModel,
  attendanceModel,
  minutesModel,
} from './meetingModel';
import { proseToDocx } from './proseDocx';
import { proseToHtml } from './proseHtml';

/**
 * The meeting documents in the 官公庁 layout, as Word and as a page to print: the title
 * centred, 日時 / 場所 (and the minutes' 出席者) as label-and-text lines beneath it, then the
 * document's body — the 次第's numbered items and 配付資料, the 名簿's table, the minutes'
 * prose. Both render one model (meetingModel.ts).
 */

export type MeetingDocumentSource =
  | { kind: 'agenda'; source: MeetingSource }
  | { kind: 'attendance'; source: MeetingSource }
  | { kind: 'minutes'; source: MinutesSource };

export function meetingDocumentModel(input: MeetingDocumentSource): MeetingDocumentModel {
  switch (input.kind) {
    case 'agenda':
      return agendaModel(input.source);
    case 'attendance':
      return attendanceModel(input.source);
    case 'minutes':
      return minutesModel(input.source);
  }
}

// ------------------------------------------------------------------ print page

const MEETING_CSS = `
.doc-title{text-align:center;font-size:1.35em;margin:0 0 .3em;overflow-wrap:anywhere}
.doc-subtitle{text-align:center;margin:0 0 1em;overflow-wrap:anywhere}
.head-lines{margin:1em 0 1.6em auto;width:max-content;max-width:100%;display:grid;grid-template-columns:auto 1fr;gap:.15em 1em}
.head-lines dt{font-weight:normal}.head-lines dd{margin:0;overflow-wrap:anywhere}
.head-lines--wide{margin-left:0;width:auto}
ol.agenda{list-style:none;padding:0;margin:0 0 2em}ol.agenda>li{display:grid;grid-template-columns:2.5em 1fr;margin:.8em 0;overflow-wrap:anywhere}
ol.agenda .note{color:#333;margin-left:.5em}ol.agenda ul{list-style:'・';margin:.2em 0 0 1em;padding:0;font-size:.95em}
.materials h2{font-size:1.05em;margin:2em 0 .4em}.materials ul{list-style:none;padding:0;margin:0}
.materials li{display:grid;grid-template-columns:4em 1fr;overflow-wrap:anywhere}
.summary{margin:.4em 0}.draft-mark{float:right;border:2px solid #111;padding:0 .6em;font-weight:bold}
.minutes-body{margin-top:1.5em}.footer{margin-top:2em;color:#444;font-size:.9em;word-break:break-all}`;

function headLinesHtml(lines: readonly HeadLine[], wide: boolean): string {
  const rows = lines.map((l) => `<dt>${escapeHtml(l.label)}</dt><dd>${escapeHtml(l.text)}</dd>`).join('');
  return `<dl class="head-lines${wide ? ' head-lines--wide' : ''}">${rows}</dl>`;
}

function headHtml(head: MeetingHead, draft: boolean, wide: boolean): string {
  return (
    `${draft ? '<div class="draft-mark">案</div>' : ''}<h1 class="doc-title">${escapeHtml(head.title)}</h1>` +
    `${head.subtitle ? `<p class="doc-subtitle">${escapeHtml(head.subtitle)}</p>` : ''}${headLinesHtml(head.lines, wide)}`
  );
}

function bodyHtml(model: MeetingDocumentModel): string {
  switch (model.kind) {
    case 'agenda': {
      const items = model.items
        .map(
          (item) =>
            `<li><span>${escapeHtml(item.number)}</span><div>${escapeHtml(item.title)}${item.note ? `<span class="note">${escapeHtml(item.note)}</span>` : ''}${
              item.links.length > 0 ? `<ul>${item.links.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : ''
            }</div></li>`,
        )
        .join('');
      const materials =
        model.materials.length > 0
          ? `<section class="materials"><h2>配付資料</h2><ul>${model.materials.map((m) => `<li><span>${escapeHtml(m.label)}</span><span>${escapeHtml(m.title)}</span></li>`).join('')}</ul></section>`
          : '';
      return `<ol class="agenda">${items || '<li><span></span><div>（議題未定）</div></li>'}</ol>${materials}`;
    }
    case 'attendance':
      return `${htmlTable(model.table, undefined, false)}${model.summary.map((s) => `<p class="summary">${escapeHtml(s)}</p>`).join('')}`;
    case 'minutes':
      return `<div class="minutes-body">${proseToHtml(model.prose)}</div>`;
  }
}

export function meetingDocumentHtml(input: MeetingDocumentSource): string {
  const model = meetingDocumentModel(input);
  const draft = model.kind === 'minutes' && model.draft;
  const footer = model.kind === 'minutes' ? model.footer : [];
  const html =
    `<style>${MEETING_CSS}</style>${headHtml(model.head, draft, model.kind === 'minutes')}${bodyHtml(model)}` +
    (footer.length > 0 ? `<div class="footer">${footer.map((f) => `<p>${escapeHtml(f)}</p>`).join('')}</div>` : '');
  return htmlPage({ planTitle: model.head.council, docTitle: model.head.docTitle, landscape: false, sections: [{ landscape: false, html }] });
}

// ------------------------------------------------------------------ Word

/** The label column of 日時 / 場所: four characters of 10.5 pt and a space. */
const LABEL_TWIPS = 1200;

function headDocx(head: MeetingHead, draft: boolean, wide: boolean): Paragraph[] {
  const width = contentWidth(false);
  // The 次第's and the 名簿's lines stand right of centre, as on paper; the minutes' run the page's width.
  const left = wide ? 0 : Math.round(width * 0.45);
  const out: Paragraph[] = [];
  if (draft) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('案', { bold: true, size: 24 })] }));
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(head.title, { bold: true, size: 28 })] }));
  if (head.subtitle) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(head.subtitle, { size: 22 })] }));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  for (const line of head.lines) {
    out.push(
      new Paragraph({
        // A long place or list of names wraps under its text, not under its label.
        indent: { left: left + LABEL_TWIPS, hanging: LABEL_TWIPS },
        tabStops: [{ type: TabStopType.LEFT, position: left + LABEL_TWIPS }],
        spacing: { after: 40 },
        children: [run(`${line.label}\t${line.text}`, { size: 21 })],
      }),
    );
  }
  out.push(new Paragraph({ spacing: { after: 240 }, children: [] }));
  return out;
}

function numbered(number: string, text: string, options: { indent: number; hanging: number; size?: number; after?: number }): Paragraph {
  return new Paragraph({
    indent: { left: options.indent + options.hanging, hanging: options.hanging },
    tabStops: [{ type: TabStopType.LEFT, position: options.indent + options.hanging }],
    spacing: { before: 120, after: options.after ?? 60 },
    children: [run(`${number}\t${text}`, { size: options.size ?? 22 })],
  });
}

function bodyDocx(model: MeetingDocumentModel): Array<Paragraph | Table> {
  switch (model.kind) {
    case 'agenda': {
      const out: Array<Paragraph | Table> = [];
      if (model.items.length === 0) out.push(note('（議題未定）'));
      for (const item of model.items) {
        out.push(numbered(item.number, `${item.title}${item.note ? `　${item.note}` : ''}`, { indent: 0, hanging: 480, after: 20 }));
        for (const link of item.links) out.push(numbered('・', link, { indent: 480, hanging: 240, size: 20, after: 0 }));
      }
      if (model.materials.length > 0) {
        out.push(new Paragraph({ spacing: { before: 480, after: 120 }, children: [run('配付資料', { bold: true, size: 22 })] }));
        for (const m of model.materials) out.push(numbered(m.label, m.title, { indent: 0, hanging: 960, size: 21, after: 0 }));
      }
      return out;
    }
    case 'attendance':
      return [docxTable(model.table, contentWidth(false)), new Paragraph({ children: [] }), ...model.summary.map((s) => new Paragraph({ spacing: { after: 60 }, children: [run(s, { size: 21 })] }))];
    case 'minutes':
      return proseToDocx(model.prose, contentWidth(false));
  }
}

export function meetingDocumentDocx(input: MeetingDocumentSource): Promise<Buffer> {
  const model = meetingDocumentModel(input);
  const draft = model.kind === 'minutes' && model.draft;
  const footer = model.kind === 'minutes' ? model.footer : [];
  const section: SectionSpec = {
    landscape: false,
    children: [
      ...headDocx(model.head, draft, model.kind === 'minutes'),
      ...bodyDocx(model),
      ...(footer.length > 0 ? [new Paragraph({ spacing: { before: 480 }, children: [] }), ...footer.map((f) => note(f))] : []),
    ],
  };
  return packDocument(model.head.council, model.head.docTitle, [section]);
}

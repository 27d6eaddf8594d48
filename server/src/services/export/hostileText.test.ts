import { type ProseNode, hasXmlForbidden } from '@sakutei/shared';
import { hostileText } from '@sakutei/shared/testing/hostileText';
import { Paragraph } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSheet } from '../xlsx/sheetFile';
import { contentWidth, docxTable, meta, note, packDocument, run, sectionHeading, segmentRuns, title } from './docxKit';
import { htmlPage, htmlTable } from './htmlKit';
import { proseToDocx } from './proseDocx';
import { loadWithExcelJs, openOfficeStrict } from './testing/officeStrict';

/*
 * Whatever text reaches a writer (a revision name, prose, a comment, a KPI cell, an
 * evaluation, the plan's name), the file it writes opens: every XML part of a DOCX or XLSX
 * parses with a strict XML 1.0 parser, ExcelJS loads the workbook, and a print page carries
 * no character XML forbids. Hostile text is generated, not a fixture.
 */

const prose = (text: string): ProseNode => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] },
    { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }] },
    { type: 'codeBlock', content: [{ type: 'text', text }] },
    {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }] }],
    },
  ],
});

describe('a Word file of hostile text', () => {
  it('opens with a strict XML parser in every part, whichever writer the text went through', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (name, text) => {
        const width = contentWidth(false);
        const bytes = await packDocument(name, text, [
          {
            landscape: false,
            children: [
              title(text),
              meta(text),
              sectionHeading(text),
              note(text),
              new Paragraph({ children: [run(text), ...segmentRuns([{ kind: 'insert', text }, { kind: 'delete', text }, { kind: 'equal', text }])] }),
              ...proseToDocx(prose(text), width),
              docxTable({ head: [[{ text }]], body: [[text], [{ text, segments: [{ kind: 'insert', text }] }]] }, width),
            ],
          },
        ]);
        const parts = openOfficeStrict(bytes);
        expect(parts.get('word/document.xml')).toContain('施策');
      }),
      { numRuns: 12 },
    );
  });
});

describe('a workbook of hostile text', () => {
  it('loads in ExcelJS and parses strictly, every cell still there', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(hostileText, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 4 }), hostileText, async (rows, plan) => {
        // The writer itself, on this thread (the routes run it on a worker thread).
        const bytes = await buildSheet('成果指標一覧', rows, 1, { planTitle: plan });
        openOfficeStrict(bytes);
        const read = await loadWithExcelJs(bytes);
        expect(read.length).toBe(rows.length);
        expect(read.flat().filter((cell) => cell.includes('施策')).length).toBe(rows.flat().length);
      }),
      { numRuns: 15 },
    );
  });
});

describe('a print page of hostile text', () => {
  it('carries no character XML forbids', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const html = htmlPage({ planTitle: text, docTitle: text, landscape: false, sections: [{ landscape: false, html: htmlTable({ head: [[{ text }]], body: [[text]] }, text) }] });
        // Two halves drawn side by side make a valid pair, so the test is by code point, not by code unit.
        expect(hasXmlForbidden(html)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

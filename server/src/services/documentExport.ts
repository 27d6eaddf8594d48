/**
 * Printable and Word renderings of a frozen revision and of a 新旧対照表. The work is done
 * in ./export/: one table model (docTable), its Word (docxKit) and print (htmlKit) forms,
 * the plan's tables (planTables) and the prose renderers.
 */
export { revisionDocx, revisionHtml, revisionMeta, type RevisionExportOptions } from './export/revisionDocument';
export { compareDocx, compareHtml, type CompareExportOptions } from './export/compareDocument';

import { createHash } from 'node:crypto';
import { BODY_FRAGMENT, type ProseNode, SHAPE_LIMITS, boundProseDepth, canonicalJson, flattenProse, proseNodeSchema } from '@sakutei/shared';
import type * as Y from 'yjs';
import { proseJsonOf } from './proseJson';

/**
 * What confirming the minutes freezes (議事録確定): the prose as canonical JSON, its plain text,
 * and the SHA-256 of the JSON, as a revision's snapshot is sealed (snapshot.ts). Anyone holding
 * the stored JSON can compute the hash again and compare.
 */
export type SealedMinutes = { prose: ProseNode; json: string; text: string; hash: string };

/** The live minutes document's prose, read as a revision reads a plan's (proseJson.ts). */
export function minutesProseOf(doc: Y.Doc): ProseNode {
  return proseJsonOf(doc.getXmlFragment(BODY_FRAGMENT)).prose;
}

export function sealMinutes(prose: ProseNode): SealedMinutes {
  const json = canonicalJson(prose);
  return { prose, json, text: minutesText(prose), hash: minutesHash(json) };
}

/** SHA-256 (lowercase hex) of the frozen JSON, as stored. */
export function minutesHash(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** The minutes' words block by block, one block a line (headings, speakers' paragraphs, list items, table rows). */
export function minutesText(prose: ProseNode): string {
  return flattenProse(prose)
    .map((block) => block.text)
    .join('\n');
}

/** Frozen JSON read back; nesting beyond the shape's bound is flattened so reading never overflows. */
export function readFrozenMinutes(json: string): ProseNode {
  const raw = JSON.parse(json) as ProseNode;
  return proseNodeSchema.parse(boundProseDepth(raw, SHAPE_LIMITS.maxProseDepth).prose);
}

import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { BODY, addParagraph, contentHash, prng, words } from './load/protocol';

/**
 * The cold-load documents: a deterministic editing trace (seeded PRNG) of six authors
 * writing a plan — new paragraphs, Japanese and ASCII words typed at random places, runs
 * deleted — until the encoded state reaches the target size. Random positions keep items
 * from merging, so the document has the structure of a long-edited one, not one big string.
 * Built once and cached: every server gets the same bytes.
 */
export type Trace = { targetBytes: number; update: Uint8Array; contentHash: string; ops: number; textChars: number };

const GENERATOR_VERSION = 1;
const AUTHORS = 6;

export function generateTrace(targetBytes: number, seed = 20250601): Omit<Trace, 'targetBytes'> {
  const random = prng(seed);
  const doc = new Y.Doc({ gc: true });
  const texts: Y.XmlText[] = [];
  let ops = 0;
  // Authors take turns in runs, as people do: the client id is the author of what follows.
  const setAuthor = (n: number) => {
    doc.clientID = 1000 + n;
  };
  setAuthor(0);
  texts.push(addParagraph(doc, words(random, 6)));
  let size = 0;
  let batch = 2000;
  while (size < targetBytes) {
    for (let i = 0; i < batch; i++, ops++) {
      if (random() < 0.05) setAuthor(Math.floor(random() * AUTHORS));
      const r = random();
      if (r < 0.04) {
        texts.push(addParagraph(doc, words(random, 1 + Math.floor(random() * 8))));
        continue;
      }
      // Recent paragraphs are edited most, older ones now and then.
      const index = random() < 0.7 ? texts.length - 1 - Math.floor(random() * Math.min(8, texts.length)) : Math.floor(random() * texts.length);
      const text = texts[index]!;
      if (r < 0.78 || text.length < 12) {
        text.insert(Math.floor(random() * (text.length + 1)), words(random, 1 + Math.floor(random() * 3)));
      } else {
        const at = Math.floor(random() * (text.length - 8));
        text.delete(at, 1 + Math.floor(random() * 8));
      }
    }
    size = Y.encodeStateAsUpdate(doc).length;
    // Encoding is the slow part: measure again after most of the estimated remainder.
    batch = Math.max(2000, Math.floor((0.9 * (targetBytes - size)) / (size / ops)));
  }
  const update = Y.encodeStateAsUpdate(doc);
  const result = { update, contentHash: contentHash(doc), ops, textChars: texts.reduce((n, t) => n + t.length, 0) };
  doc.destroy();
  return result;
}

/** The trace for a target size, from the cache in `dir` or generated (and cached). */
export function loadTrace(targetBytes: number, dir: string): Trace {
  const base = path.join(dir, `bench-trace-v${GENERATOR_VERSION}-${targetBytes}`);
  try {
    const meta = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as Omit<Trace, 'update'>;
    const update = new Uint8Array(fs.readFileSync(`${base}.bin`));
    if (update.length > 0) return { ...meta, update };
  } catch {
    // not cached yet
  }
  const made = generateTrace(targetBytes);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${base}.bin`, made.update);
  fs.writeFileSync(`${base}.json`, JSON.stringify({ targetBytes, contentHash: made.contentHash, ops: made.ops, textChars: made.textChars }));
  return { targetBytes, ...made };
}

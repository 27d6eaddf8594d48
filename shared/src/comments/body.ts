/**
 * Comment bodies are plain text; nothing in them is ever interpreted as markup, so no
 * script can run from a comment. A mention is written `@[name](userId)`; the name is only
 * a hint for readers of the raw text, the id is what counts.
 */

const MENTION = /@\[([^\]\n]{1,100})\]\(([A-Za-z0-9_-]{1,64})\)/g;

export type BodyPart = { kind: 'text'; text: string } | { kind: 'mention'; userId: string; name: string };

/** Removes control characters other than newline and tab, and trims the ends. */
export function cleanBody(body: string): string {
  // eslint-disable-next-line no-control-regex
  return body.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
}

/** The user ids a body mentions, each once, in order. */
export function mentionedIds(body: string): string[] {
  const ids: string[] = [];
  for (const match of body.matchAll(MENTION)) if (!ids.includes(match[2]!)) ids.push(match[2]!);
  return ids;
}

/** Splits a body into text and mentions, for display; `nameOf` gives current names. */
export function bodyParts(body: string, nameOf: (userId: string) => string | null = () => null): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index > last) parts.push({ kind: 'text', text: body.slice(last, match.index) });
    parts.push({ kind: 'mention', userId: match[2]!, name: nameOf(match[2]!) ?? match[1]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** The body as a reader sees it: mentions as `@name`. */
export function plainBody(body: string, nameOf?: (userId: string) => string | null): string {
  return bodyParts(body, nameOf)
    .map((part) => (part.kind === 'text' ? part.text : `@${part.name}`))
    .join('');
}

export function mentionToken(name: string, userId: string): string {
  return `@[${name.replace(/[\]\n]/g, '')}](${userId})`;
}

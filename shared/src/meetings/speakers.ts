/**
 * Speakers in the minutes (issue 17, item 6): how the minutes name who spoke 「山田座長：」, and
 * how the same minutes are anonymised for publication (委員A, 委員B …). Pure, so the editor's
 * speaker picker and the exports name people the same way.
 */
import type { Role } from '../access/roles';

/** The roles' titles in the minutes, in one place (the speaker picker and the anonymiser use them). */
export const SPEAKER_TITLES: Readonly<Record<Role, string>> = {
  chair: '座長',
  vice_chair: '副座長',
  member: '委員',
  staff: '事務局',
  observer: 'オブザーバー',
};

/**
 * Words a name can be written with in the minutes: after a family name (山田委員) or after a full
 * name (山田太郎座長). Longest first so 委員長 is not read as 委員 followed by 長.
 */
const NAME_TITLES = ['副委員長', '副座長', '副会長', '委員長', '座長', '会長', '委員', 'さん', '氏', '様'] as const;
const CHAIR_TITLES = new Set(['座長', '会長', '委員長']);
const VICE_TITLES = new Set(['副座長', '副会長', '副委員長']);

/**
 * Role words some directories put before the name (「座長 山田太郎」, as the demo council does):
 * they are not part of the person's name, so a speaker label built on them would read 「座長座長：」.
 */
const ROLE_PREFIX = /^(?:座長|副座長|会長|副会長|委員長|副委員長|委員|事務局|傍聴|オブザーバー)[\s\u3000]+/u;

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

type NameParts = {
  /** The name without a role prefix and with its inner whitespace as written, trimmed. */
  full: string;
  /** The family name when it can be told (a Japanese name written with a space), else null. */
  family: string | null;
};

function nameParts(raw: string): NameParts {
  const full = raw.trim().replace(/\s+/gu, ' ').replace(ROLE_PREFIX, '').trim();
  const tokens = full.split(' ').filter(Boolean);
  // Only a Japanese name has its family name first; 「Alice Smith委員」 keeps the whole name.
  const family = tokens.length > 1 && JAPANESE.test(full) ? tokens[0]! : null;
  return { full, family };
}

/** How a speaker is written in the minutes: 「山田座長：」「佐藤委員：」「事務局（鈴木）：」. */
export function speakerLabel(entry: { name: string; role: Role }): string {
  const { full, family } = nameParts(entry.name);
  const shown = family ?? full;
  if (entry.role === 'staff') return shown ? `事務局（${shown}）：` : '事務局：';
  return `${shown}${SPEAKER_TITLES[entry.role]}：`;
}

/** 0 → A, 25 → Z, 26 → AA, 27 → AB … (bijective base 26, so AA follows Z). */
export function anonymousLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const KANJI_NAME = /^[\u3400-\u9fff\uf900-\ufaff々]{3,}$/u;

/**
 * A Japanese name written without a space (「佐藤花子」) does not say where the family name
 * ends, yet people write 「佐藤委員」. For the anonymiser (where naming too much is safe and
 * too little is not) its first two characters, and first three for a name of four or more
 * (佐々木, 長谷川), stand for the family name when a title follows.
 */
function guessedFamilies(full: string): string[] {
  if (!KANJI_NAME.test(full)) return [];
  const chars = [...full];
  return chars.length >= 4 ? [chars.slice(0, 2).join(''), chars.slice(0, 3).join('')] : [chars.slice(0, 2).join('')];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * A pattern for a name that matches it with or without whitespace between its characters
 * (「山田　太郎」, 「山田 太郎」 and 「山田太郎」 alike), since nobody writes the space the same way.
 * A name in Latin letters gets word edges so 「Ann」 does not match inside 「Annual」.
 */
function namePattern(name: string, edgeAfter: boolean): string {
  const chars = [...name.replace(/\s+/gu, '')];
  const body = chars.map(escapeRegExp).join('\\s*');
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  const before = WORD_CHAR.test(first) && !JAPANESE.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = edgeAfter && WORD_CHAR.test(last) && !JAPANESE.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return `${before}${body}${after}`;
}

const TITLE_PATTERN = NAME_TITLES.map(escapeRegExp).join('|');

type Person = { userId: string; name: string; role: Role };

type Alternative = {
  /** The regular expression source, without groups of its own. */
  source: string;
  /** Whether the source is followed by an optional (or required) title group. */
  title: 'none' | 'optional' | 'required';
  /** The people this alternative may stand for (several when a family name is shared). */
  people: Person[];
  /** Length of the name part, to try the longest names first. */
  length: number;
};

/** The replacement for a person written with `title` (or none): see `anonymiser`. */
function replacementFor(person: Person, title: string | undefined, letterOf: (p: Person) => string): string {
  switch (person.role) {
    case 'chair':
      return title && CHAIR_TITLES.has(title) ? title : SPEAKER_TITLES.chair;
    case 'vice_chair':
      return title && VICE_TITLES.has(title) ? title : SPEAKER_TITLES.vice_chair;
    case 'staff':
      return SPEAKER_TITLES.staff;
    default:
      return `委員${letterOf(person)}`;
  }
}

/** Of the people sharing a family name, the one the title fits (山田座長 is the chair), else the first. */
function pickByTitle(people: Person[], title: string | undefined): Person {
  const fits = (p: Person) =>
    title === undefined
      ? false
      : CHAIR_TITLES.has(title)
        ? p.role === 'chair'
        : VICE_TITLES.has(title)
          ? p.role === 'vice_chair'
          : title === '委員'
            ? p.role === 'member'
            : false;
  return people.find(fits) ?? people[0]!;
}

/**
 * The minutes with the council's people anonymised for publication: the chair stays 座長, the
 * vice chair 副座長 (or 副会長 as written), staff 事務局, and each other person whose name occurs becomes
 * 委員A, 委員B … in order of first occurrence in the text (AA, AB after Z). Names are
 * matched on the full name and on the family name when written with a title (○○委員, ○○座長,
 * ○○委員長, ○○会長, ○○さん, ○○氏); whitespace inside a Japanese name (「山田　太郎」 vs 「山田太郎」)
 * is matched either way. Returns a mapping too so a document can be anonymised one text
 * node at a time with the SAME letters.
 *
 * A name stored without a space (「佐藤花子」) is also matched on its likely family name with a
 * title (「佐藤委員」, see guessedFamilies). The returned function is stateful: letters are given in order of first occurrence over all
 * the texts it is given, and `letters` maps each userId lettered so far to its 委員X. A name of a
 * single character is only matched with a title (「林」 alone would eat 「林業」).
 */
export function anonymiser(
  people: Array<{ userId: string; name: string; role: Role }>,
): ((text: string) => string) & { readonly letters: ReadonlyMap<string, string> } {
  const letters = new Map<string, string>();
  const letterOf = (p: Person) => {
    let l = letters.get(p.userId);
    if (l === undefined) {
      l = anonymousLetters(letters.size);
      letters.set(p.userId, l);
    }
    return l;
  };

  const alternatives: Alternative[] = [];
  const byFamily = new Map<string, Person[]>();
  const seenFull = new Map<string, Alternative>();
  const addFull = (key: string, person: Person) => {
    const compact = key.replace(/\s+/gu, '');
    if ([...compact].length === 0) return;
    const single = [...compact].length === 1;
    const existing = seenFull.get(compact + (single ? '#t' : ''));
    if (existing) {
      existing.people.push(person);
      return;
    }
    const alt: Alternative = {
      source: namePattern(compact, !single),
      title: single ? 'required' : 'optional',
      people: [person],
      length: compact.length,
    };
    seenFull.set(compact + (single ? '#t' : ''), alt);
    alternatives.push(alt);
  };
  for (const person of people) {
    const { full, family } = nameParts(person.name);
    addFull(full, person);
    // The name as the directory stores it, role word included (「座長 山田太郎」), reads as the person too.
    const stored = person.name.trim();
    if (stored.replace(/\s+/gu, '') !== full.replace(/\s+/gu, '')) addFull(stored, person);
    for (const f of family ? [family] : guessedFamilies(full)) byFamily.set(f, [...(byFamily.get(f) ?? []), person]);
  }
  for (const [family, group] of byFamily) {
    alternatives.push({ source: namePattern(family, false), title: 'required', people: group, length: family.length });
  }
  alternatives.sort((a, b) => b.length - a.length || (a.title === 'required' ? 1 : 0) - (b.title === 'required' ? 1 : 0));

  // 「事務局（鈴木）」 as speakerLabel writes staff: the whole of it becomes 事務局.
  const staffNames = people
    .filter((p) => p.role === 'staff')
    .flatMap((p) => {
      const { full, family } = nameParts(p.name);
      return [full, family].filter((n): n is string => !!n && n.replace(/\s+/gu, '').length > 0);
    })
    .sort((a, b) => b.length - a.length)
    .map((n) => namePattern(n, false));

  const parts: string[] = [];
  if (staffNames.length > 0) parts.push(`(事務局\\s*[（(]\\s*(?:${staffNames.join('|')})\\s*[）)])`);
  for (const alt of alternatives) {
    const title = alt.title === 'none' ? '' : alt.title === 'required' ? `\\s*(${TITLE_PATTERN})` : `(?:\\s*(${TITLE_PATTERN}))?`;
    parts.push(`(${alt.source})${title}`);
  }
  // Nobody to hide: the text is returned as given.
  const pattern = parts.length > 0 ? new RegExp(parts.join('|'), 'gu') : null;

  const anonymise = (text: string): string => {
    if (!pattern) return text;
    return text.replace(pattern, (...args: unknown[]) => {
      const groups = args.slice(1, -2) as Array<string | undefined>;
      let g = 0;
      if (staffNames.length > 0) {
        if (groups[0] !== undefined) return SPEAKER_TITLES.staff;
        g = 1;
      }
      for (const alt of alternatives) {
        const name = groups[g];
        const title = alt.title === 'none' ? undefined : groups[g + 1];
        if (name !== undefined) {
          const person = alt.people.length === 1 ? alt.people[0]! : pickByTitle(alt.people, title);
          return replacementFor(person, title, letterOf);
        }
        g += alt.title === 'none' ? 1 : 2;
      }
      return String(args[0]);
    });
  };
  return Object.assign(anonymise, { letters: letters as ReadonlyMap<string, string> });
}

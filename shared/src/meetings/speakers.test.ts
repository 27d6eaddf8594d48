import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles';
import { anonymiser, anonymousLetters, SPEAKER_TITLES, speakerLabel } from './speakers';

const people = [
  { userId: 'c', name: '山田 太郎', role: 'chair' as const },
  { userId: 'v', name: '伊藤 直子', role: 'vice_chair' as const },
  { userId: 'm1', name: '佐藤 花子', role: 'member' as const },
  { userId: 'm2', name: '鈴木 一郎', role: 'member' as const },
  { userId: 's', name: '高橋 美咲', role: 'staff' as const },
  { userId: 'o', name: '田中 健', role: 'observer' as const },
];

describe('speakerLabel', () => {
  it('writes the family name and the role title as the minutes do', () => {
    expect(speakerLabel(people[0]!)).toBe('山田座長：');
    expect(speakerLabel(people[1]!)).toBe('伊藤副座長：');
    expect(speakerLabel(people[2]!)).toBe('佐藤委員：');
    expect(speakerLabel(people[4]!)).toBe('事務局（高橋）：');
    expect(speakerLabel(people[5]!)).toBe(`田中${SPEAKER_TITLES.observer}：`);
  });

  it('keeps a name written without a space, or in Latin letters, whole', () => {
    expect(speakerLabel({ name: '山田太郎', role: 'member' })).toBe('山田太郎委員：');
    expect(speakerLabel({ name: '  Alice   Smith ', role: 'member' })).toBe('Alice Smith委員：');
  });

  it('drops a role word the directory puts before the name (「座長 山田太郎」)', () => {
    expect(speakerLabel({ name: '座長 山田太郎', role: 'chair' })).toBe('山田太郎座長：');
    expect(speakerLabel({ name: '事務局　高橋 美咲', role: 'staff' })).toBe('事務局（高橋）：');
  });

  it('still labels a person without a name', () => {
    expect(speakerLabel({ name: '   ', role: 'staff' })).toBe('事務局：');
    expect(speakerLabel({ name: '', role: 'member' })).toBe('委員：');
  });
});

describe('anonymousLetters', () => {
  it('counts A … Z, then AA, AB', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(anonymousLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('anonymiser', () => {
  it('keeps the chair, vice chair and staff as their roles and letters the others by first occurrence', () => {
    const anon = anonymiser(people);
    const text =
      '山田座長：開会します。\n事務局（高橋）：資料1を説明します。\n鈴木委員：質問です。\n佐藤さん：賛成です。\n鈴木 一郎委員：補足します。\n伊藤副会長：了承します。\n田中氏：傍聴の感想。';
    expect(anon(text)).toBe(
      '座長：開会します。\n事務局：資料1を説明します。\n委員A：質問です。\n委員B：賛成です。\n委員A：補足します。\n副会長：了承します。\n委員C：傍聴の感想。',
    );
    expect(Object.fromEntries(anon.letters)).toEqual({ m2: 'A', m1: 'B', o: 'C' });
  });

  it('matches a full name whatever the whitespace inside it, and the stored form with a role word', () => {
    const anon = anonymiser([{ userId: 'c', name: '座長 山田太郎', role: 'chair' }, ...people.slice(2)]);
    expect(anon('山田太郎、山田　太郎、山田 太郎、座長 山田太郎、佐藤　花子、佐藤花子委員')).toBe('座長、座長、座長、座長、委員A、委員A');
  });

  it('keeps the same letters across text nodes', () => {
    const anon = anonymiser(people);
    expect(anon('佐藤委員：はい。')).toBe('委員A：はい。');
    expect(anon('鈴木委員：いいえ。')).toBe('委員B：いいえ。');
    expect(anon('佐藤 花子')).toBe('委員A');
  });

  it('leaves a family name without a title alone (山田町 is a place) and does not match inside Latin words', () => {
    const anon = anonymiser([...people, { userId: 'a', name: 'Ann Lee', role: 'member' }]);
    expect(anon('山田町の佐藤商店。Annual report by Ann Lee.')).toBe('山田町の佐藤商店。Annual report by 委員A.');
  });

  it('matches the likely family name with a title when a name is stored without a space', () => {
    const anon = anonymiser([
      { userId: 'c', name: '座長 山田太郎', role: 'chair' },
      { userId: 'm', name: '委員 佐藤花子', role: 'member' },
      { userId: 'h', name: '長谷川一郎', role: 'member' },
    ]);
    expect(anon('山田座長、佐藤委員、長谷川委員、長谷川一郎さん、佐藤花子')).toBe('座長、委員A、委員B、委員B、委員A');
  });

  it('picks the person a title fits when two share a family name', () => {
    const anon = anonymiser([
      { userId: 'c', name: '山田 太郎', role: 'chair' },
      { userId: 'm', name: '山田 花子', role: 'member' },
    ]);
    expect(anon('山田座長と山田委員')).toBe('座長と委員A');
  });

  it('returns text unchanged when there is nobody to hide', () => {
    expect(anonymiser([])('山田座長：開会。')).toBe('山田座長：開会。');
  });

  // Names from disjoint characters so no name can arise from the others or from the fillers.
  const FAMILIES = ['山田', '佐藤', '鈴木', '高橋', '伊藤', '渡辺', '小林', '加藤'];
  const GIVEN = ['太郎', '花子', '一郎', '美咲', '直子', '健', '翼', '涼子'];
  const FILLERS = ['は', 'について', '意見を述べた。', '、', ' ', '\n', '計画', 'KPI', '(', '）', '：'];
  const ROLES: Role[] = ['chair', 'vice_chair', 'member', 'member', 'staff', 'observer'];
  const TITLES = ['委員', '座長', '委員長', '会長', 'さん', '氏', '副会長'];

  const council = fc
    .uniqueArray(fc.record({ f: fc.nat(FAMILIES.length - 1), g: fc.nat(GIVEN.length - 1), r: fc.constantFrom(...ROLES) }), {
      selector: (p) => p.f,
      minLength: 1,
      maxLength: 6,
    })
    .map((ps) => ps.map((p, i) => ({ userId: `u${i}`, family: FAMILIES[p.f]!, given: GIVEN[p.g]!, name: `${FAMILIES[p.f]} ${GIVEN[p.g]}`, role: p.r })));

  type Piece = { kind: 'filler'; text: string } | { kind: 'name'; person: number; form: 'full' | 'fullWidth' | 'compact' | 'titled'; title: string };
  const piece = fc.oneof(
    fc.constantFrom(...FILLERS).map((text): Piece => ({ kind: 'filler', text })),
    fc.record({ person: fc.nat(5), form: fc.constantFrom('full', 'fullWidth', 'compact', 'titled'), title: fc.constantFrom(...TITLES) }).map((p): Piece => ({ kind: 'name', ...p }) as Piece),
  );

  const write = (c: Array<{ family: string; given: string }>, pieces: Piece[]) =>
    pieces
      .map((p) => {
        if (p.kind === 'filler') return p.text;
        const person = c[p.person % c.length]!;
        if (p.form === 'full') return `${person.family} ${person.given}`;
        if (p.form === 'fullWidth') return `${person.family}　${person.given}`;
        if (p.form === 'compact') return `${person.family}${person.given}`;
        return `${person.family}${p.title}`;
      })
      .join('');

  it('leaves no name, full or family with a title, in its output (property)', () => {
    fc.assert(
      fc.property(council, fc.array(piece, { maxLength: 30 }), (c, pieces) => {
        const out = anonymiser(c)(write(c, pieces)).replace(/\s+/gu, '');
        for (const p of c) {
          expect(out).not.toContain(p.family + p.given);
          // Every character of every name is gone: the replacements and fillers share none of them.
          for (const ch of p.family + p.given) expect(out).not.toContain(ch);
        }
      }),
    );
  });

  it('gives each person one letter across any split into text nodes (property)', () => {
    fc.assert(
      fc.property(council, fc.array(piece, { maxLength: 30 }), fc.nat(30), (c, pieces, cut) => {
        const whole = anonymiser(c)(write(c, pieces));
        const split = anonymiser(c);
        const nodes = [write(c, pieces.slice(0, cut)), write(c, pieces.slice(cut))];
        // Cutting between pieces never cuts a name, so the nodes read exactly as the whole does.
        expect(nodes.map(split).join('')).toBe(whole);
        const lettered = c.filter((p) => p.role === 'member' || p.role === 'observer');
        const seen = new Set(split.letters.values());
        expect(seen.size).toBe(split.letters.size);
        for (const [userId] of split.letters) expect(lettered.some((p) => p.userId === userId)).toBe(true);
      }),
    );
  });

  it('leaves text without names unchanged (property)', () => {
    fc.assert(
      fc.property(council, fc.array(fc.constantFrom(...FILLERS, ...TITLES, '委員A', '座長')), (c, words) => {
        const text = words.join('');
        expect(anonymiser(c)(text)).toBe(text);
      }),
    );
  });
});

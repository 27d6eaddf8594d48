import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROLES } from '../access/roles';
import { bodyParts, cleanBody, mentionToken, mentionedIds, plainBody } from './body';
import type { Thread } from './model';
import { OPINION_TABLE_HEADER, opinionTableRows } from './opinionTable';
import { canChangeComment, canComment, canReadThreads, canResolveThread, canRespondToOpinion } from './policy';
import { encodeRelativePosition, resolveTextAnchor } from './textAnchor';

describe('comment bodies', () => {
  it('finds mentions and renders them as @name', () => {
    const body = `${mentionToken('委員 佐藤花子', 'u1')} さん、${mentionToken('事務局 高橋', 'u2')} と確認します。${mentionToken('委員 佐藤花子', 'u1')}`;
    expect(mentionedIds(body)).toEqual(['u1', 'u2']);
    expect(plainBody(body)).toBe('@委員 佐藤花子 さん、@事務局 高橋 と確認します。@委員 佐藤花子');
    expect(plainBody(body, (id) => (id === 'u1' ? '委員 佐藤花子（改名）' : null))).toContain('@委員 佐藤花子（改名） さん');
  });

  it('keeps markup as plain text and drops control and bidi-override characters', () => {
    expect(cleanBody('  <script>alert(1)</script>\u202e\u0007\r\n次の行 ')).toBe('<script>alert(1)</script>\n次の行');
    expect(bodyParts('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('reads back every mention token it writes, and leaves text without one untouched', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }), id, fc.string(), (name, userId, tail) => {
        fc.pre(name.replace(/[\]\n]/g, '') !== '');
        const body = `${mentionToken(name, userId)}${tail.replace(/@\[/g, '')}`;
        expect(mentionedIds(body)).toEqual([userId]);
        expect(bodyParts(body)[0]).toEqual({ kind: 'mention', userId, name: name.replace(/[\]\n]/g, '') });
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        fc.pre(!text.includes('@['));
        expect(bodyParts(text)).toEqual([{ kind: 'text', text }]);
        expect(plainBody(text)).toBe(text);
      }),
    );
  });
});

describe('comment permissions', () => {
  it('lets every member read, everyone but observers comment, and only staff answer', () => {
    for (const role of ROLES) expect(canReadThreads(role)).toBe(true);
    expect(ROLES.filter((role) => canComment(role))).toEqual(['chair', 'vice_chair', 'member', 'staff']);
    expect(ROLES.filter((role) => canRespondToOpinion(role))).toEqual(['staff']);
    expect(canReadThreads(null)).toBe(false);
  });

  it('lets staff, the chair and the thread author resolve', () => {
    const thread = { authorId: 'author' };
    expect(canResolveThread('staff', 'someone', thread)).toBe(true);
    expect(canResolveThread('chair', 'someone', thread)).toBe(true);
    expect(canResolveThread('member', 'someone', thread)).toBe(false);
    expect(canResolveThread('vice_chair', 'someone', thread)).toBe(false);
    expect(canResolveThread('member', 'author', thread)).toBe(true);
    expect(canResolveThread('observer', 'author', thread)).toBe(false);
  });

  it('lets only the author change a comment, and not once it is deleted', () => {
    expect(canChangeComment('member', 'a', { authorId: 'a', deleted: false })).toBe(true);
    expect(canChangeComment('staff', 'b', { authorId: 'a', deleted: false })).toBe(false);
    expect(canChangeComment('member', 'a', { authorId: 'a', deleted: true })).toBe(false);
    expect(canChangeComment('observer', 'a', { authorId: 'a', deleted: false })).toBe(false);
  });
});

describe('text anchors', () => {
  function paragraph(doc: Y.Doc, text: string): Y.XmlText {
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText(text);
    p.insert(0, [t]);
    doc.getXmlFragment('body').insert(0, [p]);
    return t;
  }
  function anchorOn(text: Y.XmlText, from: number, to: number) {
    return {
      start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from)),
      end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, to)),
    };
  }
  const slice = (doc: Y.Doc, anchor: { start: string; end: string }) => {
    const resolved = resolveTextAnchor(doc, anchor);
    if (!resolved.attached) return null;
    return (resolved.start.type as Y.XmlText).toString().slice(resolved.start.index, resolved.end.index);
  };

  it('follows edits around the range and detaches when its text is deleted', () => {
    const doc = new Y.Doc();
    const text = paragraph(doc, '本市の中小企業の実態により即した事業の展開を図る。');
    const anchor = anchorOn(text, 3, 8);
    expect(slice(doc, anchor)).toBe('中小企業の');
    text.insert(0, '令和7年度、');
    text.insert(text.length, '（追記）');
    expect(slice(doc, anchor)).toBe('中小企業の');
    text.insert(9 + 2, '・小規模');
    expect(slice(doc, anchor)).toBe('中小・小規模企業の');
    text.delete(6, 12); // 本市の + the anchored 中小・小規模企業の
    expect(resolveTextAnchor(doc, anchor).attached).toBe(false);
  });

  it('treats garbage as detached rather than throwing', () => {
    expect(resolveTextAnchor(new Y.Doc(), { start: 'AAAA', end: '!!' }).attached).toBe(false);
  });
});

describe('the 委員意見と対応 table', () => {
  it('lists each thread with its location, member, opinion and response', () => {
    const person = (id: string, name: string) => ({ id, name });
    const comment = (id: string, author: ReturnType<typeof person>, body: string, deleted = false) => ({
      id, threadId: 't', author, body: deleted ? '' : body, mentions: [], createdAt: '', editedAt: null, deletedAt: deleted ? 'x' : null,
    });
    const base = { planId: 'p', revisionId: null, status: 'open' as const, response: '', createdAt: '', updatedAt: '', resolvedBy: null, resolvedAt: null };
    const threads: Thread[] = [
      {
        ...base, id: 't2', number: 2, author: person('s', '事務局'), disposition: 'reflect', response: '目標値を見直します。',
        anchor: { kind: 'measure', target: { kind: 'kpi', id: 'k', field: 'actual', fiscalYear: 2023 }, quote: '成果指標⑩ 実績値 R5' },
        comments: [comment('c1', person('m', '委員 佐藤花子'), '実績が0件のままです。'), comment('c2', person('x', '委員 鈴木'), '消した', true), comment('c3', person('y', '委員 鈴木一郎'), '同意します。')],
      },
      {
        ...base, id: 't1', number: 1, author: person('m', '委員 佐藤花子'), disposition: null,
        anchor: { kind: 'text', start: 'AAAA', end: 'AAAA', quote: '企業アンケートを実施する' },
        comments: [comment('c0', person('m', '委員 佐藤花子'), '回収率も示してください。')],
      },
    ];
    expect(OPINION_TABLE_HEADER).toEqual(['No', '箇所', '委員', '意見', '対応方針', '対応内容']);
    expect(opinionTableRows(threads)).toEqual([
      ['1', '本文「企業アンケートを実施する」', '委員 佐藤花子', '回収率も示してください。', '', ''],
      ['2', '成果指標⑩ 実績値 R5', '委員 佐藤花子', '実績が0件のままです。\n（委員 鈴木一郎）同意します。', '反映する', '目標値を見直します。'],
    ]);
  });
});

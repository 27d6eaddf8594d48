import type { Thread } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { ja } from '../../i18n/ja';
import type { MessageKey, MessageParams } from '../../i18n';
import { describeChange, threadIdFromHash } from './threadChanges';

const t = (key: MessageKey, params?: MessageParams) =>
  ja[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));

const person = (id: string, name: string) => ({ id, name });
function thread(over: Partial<Thread> = {}): Thread {
  return {
    id: 't1',
    number: 3,
    author: person('staff', '高橋'),
    status: 'open',
    resolvedBy: null,
    comments: [{ author: person('staff', '高橋') }],
    ...over,
  } as unknown as Thread;
}

describe('what a screen reader hears about a thread', () => {
  it('announces someone else’s new thread, reply or resolution, never our own', () => {
    expect(describeChange(undefined, thread(), 'me', t)).toContain('高橋');
    expect(describeChange(undefined, thread(), 'staff', t)).toBeNull();
    const replied = thread({ comments: [{ author: person('staff', '高橋') }, { author: person('m1', '佐藤') }] as Thread['comments'] });
    expect(describeChange(thread(), replied, 'me', t)).toContain('佐藤');
    expect(describeChange(thread(), replied, 'm1', t)).toBeNull();
    const resolved = thread({ status: 'resolved', resolvedBy: person('staff', '高橋') } as Partial<Thread>);
    expect(describeChange(thread(), resolved, 'me', t)).toContain('3');
    expect(describeChange(thread(), resolved, 'staff', t)).toBeNull();
  });

  it('reads the thread a link names, and ignores a broken one', () => {
    expect(threadIdFromHash('#thread-abc123')).toBe('abc123');
    expect(threadIdFromHash('#thread-%E3%81%82')).toBe('あ');
    expect(threadIdFromHash('#thread-%E3%81')).toBeNull();
    expect(threadIdFromHash('#measures')).toBeNull();
  });
});

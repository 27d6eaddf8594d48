/// <reference lib="dom" />
import type { Browser, Page } from '@playwright/test';
import { EDITOR_READY } from './pageLoad';
import { signedInContext, sleep } from './browser';

/** Typed first, in a new paragraph at the end, to find that paragraph again on both screens. */
const MARKER = 'bench-typing:';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

type Probe = { marker: string; record: 'local' | 'remote' };

/**
 * Runs in an editor page. Watches the paragraph that starts with the marker and, for the
 * n-th character typed after it, records on the typing side (local):
 *   dom:   keydown's timeStamp → the mutation batch in which the character is in the DOM;
 *   idle:  keydown → the first task after that batch (everything the keystroke set off,
 *          ProseMirror, Yjs, React, is done; the frame can be painted);
 *   frame: keydown → the next requestAnimationFrame callback (the frame that shows it);
 * and on the other side (remote) the arrival time on the shared clock
 * (performance.timeOrigin + performance.now(), both pages on one machine).
 * Caret widgets of other people (contenteditable="false") are not counted as text.
 */
function typingProbe({ marker, record }: Probe): void {
  const editor = document.querySelector('[data-testid="plan-editor"]')!;
  const textOf = (p: Element) => {
    let text = '';
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('[contenteditable="false"]')) text += node.nodeValue ?? '';
    }
    return text;
  };
  const find = () => Array.from(editor.querySelectorAll('p')).find((p) => textOf(p).startsWith(marker)) ?? null;
  let target = find();
  const keys: number[] = [];
  const dom: number[] = [];
  const idle: number[] = [];
  const frame: number[] = [];
  const arrivals: number[] = [];
  let seen = 0;
  if (record === 'local') {
    window.addEventListener('keydown', (event) => {
      if (event.key.length === 1) keys.push(event.timeStamp);
    }, true);
  }
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (!target?.isConnected) target = find();
    if (!target) return;
    const count = textOf(target).length - marker.length;
    if (count <= seen) return;
    const fresh: number[] = [];
    for (let i = seen; i < count; i++) fresh.push(i);
    seen = count;
    if (record === 'remote') {
      for (const i of fresh) arrivals[i] = performance.timeOrigin + now;
      return;
    }
    for (const i of fresh) if (keys[i] !== undefined) dom[i] = now - keys[i]!;
    // A message posted now is handled after this task and its microtasks: the keystroke's work is done.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const t = performance.now();
      for (const i of fresh) if (keys[i] !== undefined) idle[i] = t - keys[i]!;
      channel.port1.close();
    };
    channel.port2.postMessage(null);
    requestAnimationFrame(() => {
      const t = performance.now();
      for (const i of fresh) if (keys[i] !== undefined) frame[i] = t - keys[i]!;
    });
  });
  observer.observe(editor, { subtree: true, childList: true, characterData: true });
  (window as unknown as { __typing: unknown }).__typing = {
    dom,
    idle,
    frame,
    arrivals,
    keyEpochs: () => keys.map((k) => performance.timeOrigin + k),
    count: () => seen,
  };
}

type Collected = { dom: number[]; idle: number[]; frame: number[]; arrivals: number[]; keyEpochs: number[]; count: number };

function collect(page: Page): Promise<Collected> {
  return page.evaluate(() => {
    const t = (window as unknown as { __typing: { dom: number[]; idle: number[]; frame: number[]; arrivals: number[]; keyEpochs: () => number[]; count: () => number } }).__typing;
    return { dom: t.dom, idle: t.idle, frame: t.frame, arrivals: t.arrivals, keyEpochs: t.keyEpochs(), count: t.count() };
  });
}

async function openEditor(page: Page, planId: string): Promise<void> {
  await page.goto(`/plans/${encodeURIComponent(planId)}`);
  await page.locator(EDITOR_READY.selector).getByText(EDITOR_READY.text!, { exact: false }).first().waitFor({ timeout: 60_000 });
  // Synced with the server, so the other side's edits can arrive (when the page shows it).
  const status = page.getByTestId('connection-status');
  if (await status.count()) await page.waitForFunction(() => document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-synced') === 'true', null, { timeout: 30_000 });
}

export type TypingResult = { local: { dom: number[]; idle: number[]; frame: number[] }; remote: number[]; typed: number };

/**
 * Two members in two contexts on the demo plan, on loopback without throttling. A types
 * `count` letters at about ten a second at the end of the document; B only watches.
 */
export async function measureTyping(browser: Browser, baseURL: string, planId: string, count: number): Promise<TypingResult> {
  const contextA = await signedInContext(browser, baseURL, 'member@example.jp');
  const contextB = await signedInContext(browser, baseURL, 'member2@example.jp');
  try {
    const a = await contextA.newPage();
    const b = await contextB.newPage();
    await Promise.all([openEditor(a, planId), openEditor(b, planId)]);

    const editor = a.locator('[data-testid="plan-editor"]');
    await editor.locator(':scope > *').last().click();
    await a.keyboard.press('Control+End');
    await a.keyboard.press('Enter');
    await a.keyboard.type(MARKER);
    await b.waitForFunction(
      (marker) => Array.from(document.querySelectorAll('[data-testid="plan-editor"] p')).some((p) => p.textContent?.startsWith(marker)),
      MARKER,
      { timeout: 10_000 },
    );
    await sleep(500);
    await a.evaluate(typingProbe, { marker: MARKER, record: 'local' } satisfies Probe);
    await b.evaluate(typingProbe, { marker: MARKER, record: 'remote' } satisfies Probe);

    for (let i = 0; i < count; i++) {
      await a.keyboard.press(LETTERS[i % LETTERS.length]!);
      await sleep(80 + Math.random() * 40);
    }
    await b.waitForFunction((n) => (window as unknown as { __typing: { count(): number } }).__typing.count() >= n, count, { timeout: 10_000 });
    await sleep(200);
    const local = await collect(a);
    const remote = await collect(b);
    const arrival = remote.arrivals.map((at, i) => at - local.keyEpochs[i]!).filter((v) => Number.isFinite(v));
    const defined = (values: number[]) => values.filter((v) => typeof v === 'number');
    return { local: { dom: defined(local.dom), idle: defined(local.idle), frame: defined(local.frame) }, remote: arrival, typed: local.keyEpochs.length };
  } finally {
    await contextA.close();
    await contextB.close();
  }
}

import { STORED_ACK_MESSAGE, decodeStoredReply, encodeStoredQuery } from '@sakutei/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type CollabClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: Array<{ code: number; reason: string }>;
  synced: Promise<void>;
  destroy(): void;
};

/**
 * A stock y-websocket client over the `ws` package, authenticated by a collab token or,
 * like a browser, by the session cookie (and optionally an Origin header).
 */
export function connectCollab(
  wsUrl: string,
  docName: string,
  auth: { token?: string; cookie?: string; origin?: string },
  options: { reconnect?: boolean } = {},
): CollabClient {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.origin) headers.origin = auth.origin;
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
    params: auth.token ? { token: auth.token } : {},
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: CollabClient['closes'] = [];
  provider.on('connection-close', (event) => {
    if (!event) return;
    closes.push({ code: event.code, reason: event.reason });
    if (!options.reconnect) provider.disconnect();
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return {
    doc,
    provider,
    closes,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Appends a paragraph of text to the document's prose, as the editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment('body');
  body.insert(body.length, [paragraph]);
}

export function bodyText(doc: Y.Doc): string {
  return doc.getXmlFragment('body').toString();
}

/** Polls until `check` is true, failing with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Asks the room whether what `client` sent so far is stored (shared/collab/storedAck.ts) and
 * resolves with the room's answer: frames are handled in order, so once it arrives every
 * update sent before has been applied or refused, and `lost` counts the refused ones.
 */
export function askStored(client: CollabClient, id = 1): Promise<{ id: number; lost: number }> {
  return new Promise((resolve) => {
    client.provider.messageHandlers[STORED_ACK_MESSAGE] = (_encoder, decoder) => {
      const reply = decodeStoredReply(decoder.arr.subarray(decoder.pos));
      if (reply?.id === id) resolve(reply);
    };
    client.provider.ws!.send(encodeStoredQuery(id));
  });
}

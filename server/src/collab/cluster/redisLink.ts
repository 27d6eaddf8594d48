import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** Bytes that name the publishing process at the front of every message. */
const ORIGIN_BYTES = 16;

/**
 * This process's two connections to Redis (a subscribed connection can do nothing else) and
 * the channels it hears. Every message carries the publisher's id, so a process ignores its
 * own messages coming back.
 */
export class RedisLink {
  private readonly origin = randomBytes(ORIGIN_BYTES);
  private readonly handlers = new Map<string, (payload: Buffer) => void>();
  private readonly reconnectListeners: Array<() => void> = [];

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (message.length < ORIGIN_BYTES || message.subarray(0, ORIGIN_BYTES).equals(this.origin)) return;
      try {
        this.handlers.get(channel.toString())?.(message.subarray(ORIGIN_BYTES));
      } catch (err) {
        // ioredis would rethrow it and end the process; one bad message must not end them all.
        console.error(`redis: a message on ${channel.toString()} could not be handled`, err);
      }
    });
    // Connected by now (see connect): every later 'ready' is a reconnect, after which what was
    // published meanwhile is lost to us. Subscribe again ourselves, so the subscriptions are
    // surely active before the listeners re-read what they missed from the store.
    sub.on('ready', () => {
      const channels = [...this.handlers.keys()];
      const resubscribed = channels.length > 0 ? this.sub.subscribe(...channels) : Promise.resolve();
      resubscribed.then(
        () => this.reconnectListeners.forEach((listener) => listener()),
        (err: Error) => console.error(`redis: subscribing again failed: ${err.message}`),
      );
    });
    for (const conn of [pub, sub]) conn.on('error', (err: Error) => console.error(`redis: ${err.message}`));
  }

  /** Connects both connections; rejects with Redis's own message when it cannot. */
  static async connect(url: string): Promise<RedisLink> {
    // Publishes wait through an outage (queued, sent in order on reconnect) rather than fail:
    // a peer that never hears an update would show it only after reloading the document.
    const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
    const sub = new Redis(url, { lazyConnect: true, autoResubscribe: false });
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (err) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(`cannot reach Redis at ${redactUrl(url)}: ${(err as Error).message}`);
    }
    return new RedisLink(pub, sub);
  }

  async subscribe(channel: string, handler: (payload: Buffer) => void): Promise<void> {
    this.handlers.set(channel, handler);
    await this.sub.subscribe(channel);
  }

  async unsubscribe(channel: string): Promise<void> {
    this.handlers.delete(channel);
    await this.sub.unsubscribe(channel);
  }

  publish(channel: string, payload: Uint8Array): void {
    const message = Buffer.concat([this.origin, payload]);
    this.pub.publish(channel, message).catch((err: Error) => console.error(`redis publish to ${channel} failed: ${err.message}`));
  }

  /** Called after the connection to Redis came back: the caller catches up on what it missed. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}

/** A URL for the log: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

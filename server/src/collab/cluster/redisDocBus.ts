import type { DocBus } from './bus';
import type { RedisLink } from './redisLink';

const KIND = { update: 0, awareness: 1 } as const;

const channelOf = (docName: string) => `sakutei:doc:${docName}`;

function tagged(kind: number, payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(payload.length + 1);
  message[0] = kind;
  message.set(payload, 1);
  return message;
}

/** Documents' updates and presence over Redis pub/sub, one channel per document. */
export function createRedisDocBus(link: RedisLink): DocBus {
  return {
    async join(docName, listener) {
      const channel = channelOf(docName);
      await link.subscribe(channel, (message) => {
        if (message.length < 2) return;
        const payload = new Uint8Array(message.buffer, message.byteOffset + 1, message.length - 1);
        if (message[0] === KIND.update) listener.update(payload);
        else if (message[0] === KIND.awareness) listener.awareness(payload);
      });
      return {
        publishUpdate: (update) => link.publish(channel, tagged(KIND.update, update)),
        publishAwareness: (update) => link.publish(channel, tagged(KIND.awareness, update)),
        leave: () => link.unsubscribe(channel),
      };
    },
    close: () => link.close(),
  };
}

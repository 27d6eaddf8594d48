import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Sending one message to many sockets, framed once. A room relays the same bytes to every
 * connection; `ws` would build a frame header and issue a corked two-part write for each of
 * them. Here the frame (server frames are unmasked, so identical for everyone) is built once
 * per message and written whole, which is what a 500-reader document spends its CPU on.
 */
const framed = new WeakMap<Uint8Array, Buffer>();

/** A final, unfragmented binary frame carrying `payload` (RFC 6455 §5.2). */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.length;
  const headerLength = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + n);
  frame[0] = 0x82; // FIN, opcode 2 (binary)
  if (n < 126) frame[1] = n;
  else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/**
 * A send function for one connection. Frames go straight to the TCP socket only when `ws`
 * would have written exactly those bytes at once: no compression was negotiated (the server
 * does not offer it) and the socket is reachable; otherwise `ws` sends as usual.
 */
export function framedSender(raw: WebSocket): (payload: Uint8Array) => void {
  const tcp = (raw as unknown as { _socket?: Socket })._socket;
  if (raw.extensions !== '' || !tcp || typeof tcp.write !== 'function') {
    return (payload) => raw.send(payload, { binary: true });
  }
  return (payload) => {
    let frame = framed.get(payload);
    if (!frame) {
      frame = binaryFrame(payload);
      framed.set(payload, frame);
    }
    tcp.write(frame);
  };
}

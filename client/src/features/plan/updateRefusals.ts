import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';

/** The decoder y-websocket hands a message handler (lib0's, not a dependency of ours). */
type Decoder = Parameters<WebsocketProvider['messageHandlers'][number]>[1];

/** y-websocket's message type for y-protocols/auth (its `messageAuth`). */
export const AUTH_MESSAGE = 2;

/**
 * Hears the room refuse one of our document updates (y-protocols/auth "permission denied":
 * `suggest-only: …` for a suggest connection's change that is not a pure suggestion,
 * `read-only: …` for an edit without edit access). y-websocket's own handler only logs it,
 * and the refused items stay in our doc, where every later change depends on them and is
 * refused too: the caller must stop and reopen the document. Replaces the provider's own
 * handler (per instance), keeps its console line, and returns the undo.
 */
export function watchUpdateRefusals(provider: WebsocketProvider, onRefused: (reason: string) => void): () => void {
  const handlers = provider.messageHandlers;
  const previous = handlers[AUTH_MESSAGE];
  handlers[AUTH_MESSAGE] = (_encoder: unknown, decoder: Decoder) => {
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc: unknown, reason: string) => {
      console.warn(`Permission denied to access ${provider.url}.\n${reason}`);
      onRefused(reason);
    });
  };
  return () => {
    if (previous) handlers[AUTH_MESSAGE] = previous;
  };
}

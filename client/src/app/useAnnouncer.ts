import { useCallback, useState } from 'react';

/**
 * A view's polite live region: what an action did, said to screen readers, and how many
 * actions there have been (whatever is recorded, such as the audit log, reads itself again
 * when that changes). The same sentence twice must still be read out, so the second one
 * differs invisibly.
 */
export function useAnnouncer() {
  const [state, setState] = useState({ text: '', count: 0 });
  const announce = useCallback(
    (text: string) => setState((previous) => ({ text: previous.text === text ? `${text}\u200b` : text, count: previous.count + 1 })),
    [],
  );
  return { announcement: state.text, actionCount: state.count, announce };
}

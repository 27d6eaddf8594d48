import { useCallback, useState } from 'react';

/**
 * The sentence for the status line after an action, and how many actions there have been
 * (whatever is recorded, such as the audit log, reads itself again when that changes).
 */
export function useAnnouncer() {
  const [state, setState] = useState({ text: '', count: 0 });
  const announce = useCallback((text: string) => setState((previous) => ({ text, count: previous.count + 1 })), []);
  return { announcement: state.text, actionCount: state.count, announce };
}

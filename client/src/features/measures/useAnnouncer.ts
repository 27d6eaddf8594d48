import { useCallback, useState } from 'react';

/**
 * The grid's polite live region: what a command did, said to screen readers. The same
 * sentence twice must still be read out, so the second one differs invisibly.
 */
export function useAnnouncer(): [announcement: string, announce: (text: string) => void] {
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((text: string) => {
    setAnnouncement((previous) => (previous === text ? `${text}\u200b` : text));
  }, []);
  return [announcement, announce];
}

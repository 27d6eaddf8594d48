import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed (or shown as print, as a print preview emulates it).
 * A virtualised list renders only what is on screen; paper needs every row, and the
 * browser lays out the page for print right after `beforeprint`, so the state is flushed
 * synchronously there.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof matchMedia === 'function' && matchMedia('print').matches);
  useEffect(() => {
    const media = typeof matchMedia === 'function' ? matchMedia('print') : null;
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(media?.matches ?? false);
    const change = () => setPrinting(media?.matches ?? false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media?.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media?.removeEventListener('change', change);
    };
  }, []);
  return printing;
}

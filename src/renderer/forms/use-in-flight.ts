import { useCallback, useRef, useState } from 'react';

// One save at a time. Enter in a box and Ctrl+Enter call form.requestSubmit(), which submits even
// while the submit button is disabled, and two key presses can both arrive before React renders
// the disabled button. The ref is set synchronously, so a submit made while a save is in flight
// is ignored outright: it sends nothing and changes nothing on screen (the last confirmation
// stays).
export function useInFlight(): { readonly busy: boolean; readonly run: (work: () => Promise<void>) => Promise<void> } {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}

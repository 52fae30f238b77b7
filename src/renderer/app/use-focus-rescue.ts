import { useCallback, useEffect, useRef } from 'react';

// When the control that had the focus goes away (a form closed by saving or cancelling, a quick
// action's button that no longer applies), the browser drops the focus on the page and a keyboard
// or screen-reader user loses their place. Call `rescue()` with the change that may do so: after
// the next render, if nothing has the focus, it goes to the screen's heading (#screen-title,
// tabIndex -1), from where Tab carries on through the screen.
export function useFocusRescue(): () => void {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById('screen-title')?.focus();
  });
  return useCallback(() => {
    pending.current = true;
  }, []);
}

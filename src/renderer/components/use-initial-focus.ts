import { type RefObject, useEffect } from 'react';

// The first box of a form the clerk just opened (Ctrl+N, "Thêm sổ", a dialog) takes the focus, so
// typing starts at once; in a dialog it is the safe choice ("Ở lại", "Thôi") or the box to fill.
// It happens once, when the control appears: a form re-rendering never pulls the focus back. A
// React effect rather than autoFocus: autoFocus runs while a <dialog> is still closed (its
// content cannot take the focus yet), this runs after Dialog opened it (docs/ui.md "Focus").
export function useInitialFocus(ref: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [ref, enabled]);
}

import { type RefObject, useEffect, useEffectEvent } from 'react';

// Esc anywhere in a form that can be left without saving (the correction form) cancels it, as
// its "Thôi (Esc)" button does, unless `enabled` is false (a save in flight). The key is heard on
// the form element, where it bubbles from whichever box has the focus.
export function useEscapeToCancel(form: RefObject<HTMLFormElement | null>, onCancel: () => void, enabled: boolean): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !enabled) return;
    e.preventDefault();
    onCancel();
  });
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const listener = (e: KeyboardEvent) => onKey(e);
    element.addEventListener('keydown', listener);
    return () => element.removeEventListener('keydown', listener);
  }, [form]);
}

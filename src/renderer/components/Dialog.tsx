import { type ReactNode, useEffectEvent, useId, useLayoutEffect, useRef } from 'react';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  // False while the dialog's work runs (a restore, a void): Esc then does nothing, so the clerk
  // cannot lose sight of an operation that is still changing data.
  readonly closable?: boolean;
  // A dialog with a page preview beside its form.
  readonly wide?: boolean;
  readonly children: ReactNode;
}

// Open dialogs, the topmost last: Esc is for that one only.
const openDialogs: HTMLDialogElement[] = [];

// A modal on the native <dialog>: the browser traps focus inside, Esc asks to close it, and focus
// returns to what was focused before when it closes. The dialog closes only through onClose (its
// parent stops rendering it). It opens in a layout effect, before the effects of its content run,
// so a control that takes the focus as it appears (useInitialFocus) finds the dialog open. Esc is
// taken on the window, before anything else sees it: wherever the focus is (a button inside that
// was just disabled leaves it on the page), cancelling that keydown stops the browser's own close
// request, which a cancelled `cancel` event alone does not do for good (Chromium closes anyway on
// a second Esc without other user input).
export function Dialog({ title, onClose, closable = true, wide = false, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onEscape = useEffectEvent(() => {
    if (closable) onClose();
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    dialog.showModal();
    openDialogs.push(dialog);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || openDialogs[openDialogs.length - 1] !== dialog) return;
      e.preventDefault();
      onEscape();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      dialog.close();
      previous?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (closable) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

import { useEffect } from 'react';
import { isBridgeMode } from '../api/client.ts';

interface Shortcuts {
  readonly onNewIncoming: () => void;
  readonly onSearch: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

// The key to show for a new incoming registration: a browser keeps Ctrl+N (new window) for
// itself, so there only Alt+N reaches the page; the desktop app takes both.
export const NEW_INCOMING_SHORTCUT = isBridgeMode() ? 'Alt+N' : 'Ctrl+N';

// Enter saves from any one-line box; in multi-line boxes (Nơi nhận, Ghi chú) Enter starts a new
// line, so Ctrl+Enter saves from anywhere in a form: it submits the form holding the focus.
function submitFocusedForm(e: KeyboardEvent): void {
  const form = e.target instanceof Element ? e.target.closest('form') : null;
  if (!form) return;
  e.preventDefault();
  form.requestSubmit();
}

// App-wide keys: Ctrl+N (Alt+N in a browser, which keeps Ctrl+N for itself) opens a new incoming
// registration; Ctrl+K, or "/" when not typing, goes to the search box; Ctrl+Enter saves the form
// being filled in. Esc belongs to dialogs (and to the correction form, useEscapeToCancel).
export function useShortcuts({ onNewIncoming, onSearch }: Shortcuts): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (e.ctrlKey && key === 'enter') {
        submitFocusedForm(e);
      } else if ((e.ctrlKey && !e.shiftKey && key === 'n') || (e.altKey && key === 'n')) {
        e.preventDefault();
        onNewIncoming();
      } else if ((e.ctrlKey && key === 'k') || (key === '/' && !e.ctrlKey && !e.altKey && !isTyping(e.target))) {
        e.preventDefault();
        onSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNewIncoming, onSearch]);
}

import type { KeyboardEvent } from 'react';

// Enter saves from any one-line box; in multi-line boxes (Nơi nhận, Ghi chú) Enter starts a new
// line, so Ctrl+Enter saves from anywhere in the form.
export function submitOnCtrlEnter(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key === 'Enter' && e.ctrlKey) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}

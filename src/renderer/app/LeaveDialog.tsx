import { useRef } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { useInitialFocus } from '../components/use-initial-focus.ts';

interface LeaveDialogProps {
  readonly onLeave: () => void;
  readonly onStay: () => void;
}

// Asked before a move would drop what the clerk typed and has not saved. Staying is the default
// (focus and Esc), since losing a half-registered document is the costly mistake.
export function LeaveDialog({ onLeave, onStay }: LeaveDialogProps) {
  const stay = useRef<HTMLButtonElement>(null);
  useInitialFocus(stay);
  return (
    <Dialog title="Bỏ nội dung chưa lưu?" onClose={onStay}>
      <p>Biểu mẫu đang mở có nội dung chưa lưu. Nếu chuyển đi, nội dung này sẽ mất.</p>
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={onLeave}>
          Bỏ nội dung và chuyển đi
        </button>
        <button ref={stay} type="button" className="button" onClick={onStay}>
          Ở lại (Esc)
        </button>
      </div>
    </Dialog>
  );
}

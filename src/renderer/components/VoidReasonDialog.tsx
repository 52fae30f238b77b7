import type { ReactNode } from 'react';
import { ReasonDialog } from './ReasonDialog.tsx';

interface VoidReasonDialogProps<T> {
  readonly title: string;
  // What voiding keeps and what it stops, said before the clerk confirms.
  readonly explanation: ReactNode;
  readonly voidWith: (reason: string) => Promise<T>;
  readonly onClose: () => void;
  readonly onVoided: (voided: T) => void;
}

// Hủy with a reason.
export function VoidReasonDialog<T>({ title, explanation, voidWith, onClose, onVoided }: VoidReasonDialogProps<T>) {
  return (
    <ReasonDialog
      title={title}
      explanation={explanation}
      label="Lý do hủy"
      confirm="Xác nhận hủy"
      busyLabel="Đang hủy…"
      danger
      send={voidWith}
      onClose={onClose}
      onDone={onVoided}
    />
  );
}

import { type FormEvent, type ReactNode, useState } from 'react';
import { useUnsavedChanges } from '../app/unsaved-changes.ts';
import { type FormFailure, formFailure } from '../forms/form-errors.ts';
import { FormSummary } from '../forms/FormSummary.tsx';
import { useInFlight } from '../forms/use-in-flight.ts';
import { Dialog } from './Dialog.tsx';
import { TextArea } from './inputs.tsx';

interface VoidReasonDialogProps<T> {
  readonly title: string;
  // What voiding keeps and what it stops, said before the clerk confirms.
  readonly explanation: ReactNode;
  // The call that voids; a failure it throws is shown on the form, the reason box's own under it.
  readonly voidWith: (reason: string) => Promise<T>;
  readonly onClose: () => void;
  readonly onVoided: (voided: T) => void;
}

// Hủy with a reason: the reason is required and a half-typed one guards against leaving.
export function VoidReasonDialog<T>({ title, explanation, voidWith, onClose, onVoided }: VoidReasonDialogProps<T>) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(reason.trim() !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        onVoided(await voidWith(reason));
      } catch (err) {
        setFailure(formFailure(err, ['reason']));
      }
    });
  };
  return (
    <Dialog title={title} onClose={onClose} closable={!busy}>
      <form onSubmit={submit} noValidate className="form">
        {explanation}
        <FormSummary failure={failure} />
        <TextArea label="Lý do hủy" name="reason" value={reason} onChange={setReason} error={failure?.fieldErrors.reason} required autoFocus submitOnEnter />
        <div className="form__actions">
          <button type="submit" className="button button--danger" disabled={busy}>
            {busy ? 'Đang hủy…' : 'Xác nhận hủy'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}

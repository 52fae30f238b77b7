import { type FormEvent, type ReactNode, useState } from 'react';
import { useUnsavedChanges } from '../app/unsaved-changes.ts';
import { type FormFailure, formFailure } from '../forms/form-errors.ts';
import { FormSummary } from '../forms/FormSummary.tsx';
import { useInFlight } from '../forms/use-in-flight.ts';
import { Dialog } from './Dialog.tsx';
import { TextArea } from './inputs.tsx';

interface ReasonDialogProps<T> {
  readonly title: string;
  // What happens, said before the clerk confirms.
  readonly explanation: ReactNode;
  readonly label: string;
  readonly confirm: string;
  readonly busyLabel: string;
  readonly danger?: boolean;
  // The call; a failure it throws is shown on the form, the reason box's own under it.
  readonly send: (reason: string) => Promise<T>;
  readonly onClose: () => void;
  readonly onDone: (after: T) => void;
}

// An action that needs a written reason (voiding, refusing a delivered document, answering a
// recall): the reason is required and a half-typed one guards against leaving.
export function ReasonDialog<T>({ title, explanation, label, confirm, busyLabel, danger, send, onClose, onDone }: ReasonDialogProps<T>) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(reason.trim() !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        onDone(await send(reason));
      } catch (err) {
        setFailure(formFailure(err, ['reason']));
      }
    });
  };
  return (
    <Dialog title={title} onClose={onClose} closable={!busy}>
      <form onSubmit={submit} noValidate className="form">
        {typeof explanation === 'string' ? <p>{explanation}</p> : explanation}
        <FormSummary failure={failure} />
        <TextArea label={label} name="reason" value={reason} onChange={setReason} error={failure?.fieldErrors.reason} required initialFocus submitOnEnter />
        <div className="form__actions">
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy}>
            {busy ? busyLabel : confirm}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}

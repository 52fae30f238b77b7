import { type FormEvent, useState } from 'react';
import type { InboxDetail } from '../../../shared/api/schemas/sync.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextArea } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';

interface ReasonDialogProps {
  readonly title: string;
  // What happens, said before the clerk confirms; the sender reads the reason through the hub.
  readonly explanation: string;
  readonly label: string;
  readonly confirm: string;
  readonly busyLabel: string;
  readonly danger?: boolean;
  readonly send: (reason: string) => Promise<InboxDetail>;
  readonly onClose: () => void;
  readonly onDone: (after: InboxDetail) => void;
}

// An answer to the sender with a required reason: refusing a delivered document (02), or
// agreeing to or refusing a recall, update or replacement request (15/16).
export function ReasonDialog({ title, explanation, label, confirm, busyLabel, danger, send, onClose, onDone }: ReasonDialogProps) {
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
        <p>{explanation}</p>
        <FormSummary failure={failure} />
        <TextArea label={label} name="reason" value={reason} onChange={setReason} error={failure?.fieldErrors.reason} required autoFocus submitOnEnter />
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

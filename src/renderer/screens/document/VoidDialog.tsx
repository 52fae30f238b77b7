import { type FormEvent, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { call } from '../../api/client.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextArea } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { documentName } from '../../util/labels.ts';

interface VoidDialogProps {
  readonly doc: DocumentRecord;
  readonly onClose: () => void;
  readonly onVoided: (doc: DocumentRecord) => void;
}

// Hủy văn bản: the row and its number stay in the register, marked void with the reason; the
// number is never given again (nd30-rules §2).
export function VoidDialog({ doc, onClose, onVoided }: VoidDialogProps) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(reason.trim() !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        onVoided(await call('documents.void', { id: doc.id, reason }));
      } catch (err) {
        setFailure(formFailure(err, ['reason']));
      }
    });
  };
  return (
    <Dialog title={`Hủy ${documentName(doc)}`} onClose={onClose} closable={!busy}>
      <form onSubmit={submit} noValidate className="form">
        <p>
          Văn bản vẫn nằm trong sổ với dấu "Đã hủy" và lý do; số {doc.direction === 'outgoing' ? 'đã cấp' : 'đến'} không bao giờ được
          dùng lại. Việc hủy được ghi vào nhật ký.
        </p>
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

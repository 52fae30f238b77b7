import { type FormEvent, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextArea } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';

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
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onVoided(await call('documents.void', { id: doc.id, reason }));
    } catch (err) {
      setFailure(formFailure(err, ['reason']));
    }
  };
  return (
    <Dialog title={`Hủy văn bản ${doc.codeNumber}/${doc.codeNotation}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p>
          Văn bản vẫn nằm trong sổ với dấu "Đã hủy" và lý do; số {doc.direction === 'outgoing' ? 'đã cấp' : 'đến'} không bao giờ được
          dùng lại. Việc hủy được ghi vào nhật ký.
        </p>
        <FormSummary failure={failure} />
        <TextArea label="Lý do hủy" name="reason" value={reason} onChange={setReason} error={failure?.fieldErrors.reason} required autoFocus submitOnEnter />
        <div className="form__actions">
          <button type="submit" className="button button--danger">
            Xác nhận hủy
          </button>
          <button type="button" className="button" onClick={onClose}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}

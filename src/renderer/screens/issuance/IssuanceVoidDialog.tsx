import { type FormEvent, useState } from 'react';
import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import { call } from '../../api/client.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextArea } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';

interface IssuanceVoidDialogProps {
  readonly record: IssuanceRecord;
  readonly onClose: () => void;
  readonly onVoided: (record: IssuanceRecord) => void;
}

// Hủy a numbered document of the workflow: its number stays in the outgoing register as void,
// never given again, and what was waiting to be sent is not sent.
export function IssuanceVoidDialog({ record, onClose, onVoided }: IssuanceVoidDialogProps) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(reason.trim() !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        onVoided(await call('issuance.void', { id: record.id, reason }));
      } catch (err) {
        setFailure(formFailure(err, ['reason']));
      }
    });
  };
  return (
    <Dialog title={`Hủy văn bản ${record.codeNumber ?? ''}/${record.codeNotation ?? ''}`} onClose={onClose} closable={!busy}>
      <form onSubmit={submit} noValidate className="form">
        <p>Số đã cấp vẫn nằm trong sổ văn bản đi với dấu "Đã hủy" và lý do, không bao giờ được dùng lại; văn bản đang chờ gửi sẽ không được gửi.</p>
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

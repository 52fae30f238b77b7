import { type FormEvent, useState } from 'react';
import type { InboxDetail } from '../../../shared/api/schemas/sync.ts';
import { call } from '../../api/client.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextArea } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';

// Từ chối tiếp nhận: the reason is required, and the sender reads it (status 02 through the hub).
export function RefuseDialog({ id, onClose, onRefused }: { readonly id: number; readonly onClose: () => void; readonly onRefused: (after: InboxDetail) => void }) {
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(reason.trim() !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        onRefused(await call('inbox.refuse', { id, reason }));
      } catch (err) {
        setFailure(formFailure(err, ['reason']));
      }
    });
  };
  return (
    <Dialog title="Từ chối tiếp nhận văn bản" onClose={onClose} closable={!busy}>
      <form onSubmit={submit} noValidate className="form">
        <p>Văn bản không được vào sổ. Nơi gửi nhận được trạng thái &quot;Từ chối tiếp nhận&quot; kèm lý do ở lần đồng bộ sau.</p>
        <FormSummary failure={failure} />
        <TextArea label="Lý do từ chối" name="reason" value={reason} onChange={setReason} error={failure?.fieldErrors.reason} required autoFocus submitOnEnter />
        <div className="form__actions">
          <button type="submit" className="button button--danger" disabled={busy}>
            {busy ? 'Đang từ chối…' : 'Xác nhận từ chối'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { type FormEvent, useId, useState } from 'react';
import type { CopyRecord } from '../../../shared/api/schemas/copies.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { issueLine } from '../signing/signing-words.ts';
import { parseRecipients } from './copy-words.ts';

interface DistributeCopyDialogProps {
  readonly copy: CopyRecord;
  readonly onClose: () => void;
  readonly onDone: (copy: CopyRecord) => void;
}

// Gửi bản sao điện tử qua trục liên thông: the recipients with their agency identifiers; the
// next sync sends the package.
export function DistributeCopyDialog({ copy, onClose, onDone }: DistributeCopyDialogProps) {
  const title = `Gửi bản sao ${copy.numberNotation} qua trục liên thông`;
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setFailure(null);
      const { recipients, bad } = parseRecipients(text);
      if (bad.length > 0) {
        setFailure(`Dòng "${bad[0]}" chưa đúng: mỗi dòng là mã định danh rồi tên cơ quan.`);
        return;
      }
      try {
        onDone(await write('copies.distribute', { copyId: copy.id, recipients }));
      } catch (err) {
        setFailure(isApiError(err) && err.issues.length ? err.issues.map(issueLine).join(' ') : errorMessage(err));
      }
    });
  };
  return (
    <Dialog title={title} onClose={onClose} closable={!busy}>
      <form className="form" onSubmit={submit} noValidate aria-label={title}>
        <div className="field field--wide">
          <label htmlFor={id}>Nơi nhận: mỗi dòng mã định danh và tên cơ quan</label>
          <textarea id={id} rows={4} value={text} disabled={busy} placeholder="000.00.12.H17 Sở Y tế thành phố Đà Nẵng" onChange={(e) => setText(e.target.value)} />
        </div>
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''}>
            {busy ? 'Đang đưa vào hàng chờ…' : 'Đưa vào hàng chờ gửi'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}

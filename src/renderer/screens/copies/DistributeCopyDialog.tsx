import { type FormEvent, useId, useState } from 'react';
import type { CopyRecord } from '../../../shared/api/schemas/copies.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { useAgencySuggestions } from '../drafting/use-agency-suggestions.ts';
import { issueLine } from '../signing/signing-words.ts';
import { parseRecipients } from './copy-words.ts';

interface DistributeCopyDialogProps {
  readonly copy: CopyRecord;
  readonly onClose: () => void;
  readonly onDone: (copy: CopyRecord) => void;
}

// Gửi bản sao điện tử qua trục liên thông: the recipients with their agency identifiers; the
// next sync sends the package. An agency found in the cached hub directory is added as its line,
// so the clerk need not type its code.
export function DistributeCopyDialog({ copy, onClose, onDone }: DistributeCopyDialogProps) {
  const title = `Gửi bản sao ${copy.numberNotation} qua trục liên thông`;
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const suggestions = useAgencySuggestions(search);
  const addAgency = (code: string, name: string) => {
    setText((t) => `${t.trim() === '' ? '' : `${t.replace(/\s+$/, '')}\n`}${code} ${name}`);
    setSearch('');
  };
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
          <label htmlFor={`${id}-search`}>Tìm cơ quan trong danh bạ trục liên thông</label>
          <input id={`${id}-search`} type="search" value={search} disabled={busy} autoComplete="off" placeholder="Tên hoặc mã định danh" onChange={(e) => setSearch(e.target.value)} />
          {suggestions.length > 0 ? (
            <ul className="suggestions" aria-label="Cơ quan tìm thấy">
              {suggestions.map((a) => (
                <li key={a.code}>
                  <button type="button" className="button button--quiet" disabled={busy} onClick={() => addAgency(a.code, a.name)}>
                    Thêm {a.name} ({a.code})
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
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

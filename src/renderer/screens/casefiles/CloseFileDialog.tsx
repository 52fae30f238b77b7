import { useRef, useState } from 'react';
import type { CaseFileRecord } from '../../../shared/api/schemas/casefiles.ts';
import { errorMessage } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInitialFocus } from '../../components/use-initial-focus.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { fileName } from './casefile-words.ts';

interface CloseFileDialogProps {
  readonly file: CaseFileRecord;
  readonly onClose: () => void;
  readonly onClosed: (file: CaseFileRecord) => void;
}

// Kết thúc hồ sơ (Art. 29.4): what closing records and what it stops, said before the clerk
// confirms; "Thôi" is the safe choice. Counting the pages of every PDF may take a moment, during
// which the dialog stays open.
export function CloseFileDialog({ file, onClose, onClosed }: CloseFileDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useInitialFocus(cancel);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const confirm = () =>
    void run(async () => {
      setError(null);
      try {
        onClosed(await write('caseFiles.close', { id: file.id }));
      } catch (err) {
        setError(errorMessage(err));
      }
    });
  return (
    <Dialog title={`Kết thúc ${fileName(file)}`} onClose={onClose} closable={!busy}>
      <p>
        Chương trình ghi ngày bắt đầu và ngày kết thúc (ngày của văn bản đầu và cuối), số văn bản và số trang (đếm từ các tệp PDF) của {file.documentCount}{' '}
        văn bản trong hồ sơ. Sau đó không đưa thêm hay rút văn bản được nữa, trừ khi mở lại hồ sơ; hồ sơ phải nộp lưu trong một năm (Điều 30 Nghị định
        30/2020).
      </p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={confirm}>
          {busy ? 'Đang đếm trang và kết thúc…' : 'Kết thúc hồ sơ'}
        </button>
        <button ref={cancel} type="button" className="button" disabled={busy} onClick={onClose}>
          Thôi (Esc)
        </button>
      </div>
    </Dialog>
  );
}

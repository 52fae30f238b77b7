import { useRef, useState } from 'react';
import type { BackupRecord } from '../../../shared/api/schemas/books.ts';
import { errorMessage } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInitialFocus } from '../../components/use-initial-focus.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDateTime } from '../../util/dates.ts';

interface RestoreDialogProps {
  readonly backup: BackupRecord;
  readonly onClose: () => void;
  readonly onRestored: (message: string) => void;
}

// Restoring replaces the data in use; the server first moves the current data aside, so nothing
// is lost even if the clerk picked the wrong backup. While it runs the dialog stays: neither Esc
// nor "Thôi" can hide an operation that is replacing the data. The restore replaces every read
// of the screens, so all of them are read again before it says it is done.
export function RestoreDialog({ backup, onClose, onRestored }: RestoreDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const cancel = useRef<HTMLButtonElement>(null);
  useInitialFocus(cancel);
  const restore = () =>
    run(async () => {
      setError(null);
      try {
        const r = await write('backup.restore', { fileName: backup.fileName });
        onRestored(`Đã khôi phục từ ${r.restoredFrom}. Dữ liệu trước khi khôi phục được giữ ở ${r.previousDataKeptAt}.`);
      } catch (e) {
        setError(errorMessage(e));
      }
    });
  return (
    <Dialog title="Khôi phục bản sao lưu" onClose={onClose} closable={!busy}>
      <p>
        Khôi phục bản sao lưu <strong>{backup.fileName}</strong> ({showDateTime(backup.createdAt)})? Mọi văn bản vào sổ sau thời điểm
        này sẽ không còn trong sổ đang dùng.
      </p>
      <p>Dữ liệu hiện tại không bị xóa: chương trình chuyển nó sang một thư mục riêng và cho biết đường dẫn sau khi khôi phục.</p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="form__actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void restore()}>
          {busy ? 'Đang khôi phục…' : 'Khôi phục'}
        </button>
        <button ref={cancel} type="button" className="button" onClick={onClose} disabled={busy}>
          Thôi (Esc)
        </button>
      </div>
    </Dialog>
  );
}

import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { call, downloadExport, isBridgeMode } from '../api/client.ts';
import { saveBlob } from '../util/files.ts';
import { showBytes } from '../util/format.ts';
import { Notice } from './Notice.tsx';

export interface Printed {
  readonly fileName: string;
  readonly path: string;
  readonly bytes: number;
}

interface PrintedFileProps {
  // What was written, e.g. "Danh mục hồ sơ năm 2026".
  readonly what: string;
  readonly file: Printed;
  readonly testId?: string;
}

// A form written to the profile's exports folder, shown as the register books are: where it was
// saved, "Mở" with the computer's program, and in a browser (which cannot open it) a download.
export function PrintedFile({ what, file, testId }: PrintedFileProps) {
  const [note, setNote] = useState<string | null>(null);
  const open = async () => {
    try {
      const { opened } = await call('books.openExport', { fileName: file.fileName });
      setNote(opened ? null : 'Không mở được tệp bằng chương trình của máy. Hãy tải tệp về hoặc mở trong thư mục đã lưu.');
    } catch (err) {
      setNote(errorMessage(err));
    }
  };
  const download = async () => {
    try {
      saveBlob(await downloadExport(file.fileName), file.fileName);
    } catch (err) {
      setNote(errorMessage(err));
    }
  };
  return (
    <Notice tone="success">
      <p data-testid={testId}>
        Đã lưu {what} ({showBytes(file.bytes)}) vào tệp <code>{file.path}</code>
      </p>
      <button type="button" className="button" onClick={() => void open()}>
        Mở
      </button>{' '}
      {isBridgeMode() ? (
        <button type="button" className="button" onClick={() => void download()}>
          Tải về {file.fileName}
        </button>
      ) : null}
      {note ? <p>{note}</p> : null}
    </Notice>
  );
}

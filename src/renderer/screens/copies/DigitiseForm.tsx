import { useId, useState } from 'react';
import { PAPER_KIND_NAMES, PAPER_KINDS, type PaperKind } from '../../../shared/domain/copy-rules.ts';
import { errorMessage } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { filesToUploads } from '../../util/files.ts';

interface DigitiseFormProps {
  readonly documentId: number;
  readonly onStart: () => void;
  readonly onDone: () => void;
}

const isPdfFile = (f: File) => f.name.toLowerCase().endsWith('.pdf');

// Số hóa văn bản giấy: one scanned PDF, or the page images in page order. The standard (PDF 1.4
// or later, colour, 200 dpi) is checked by the program; a scan that falls short is refused with
// the reasons, and nothing is kept.
export function DigitiseForm({ documentId, onStart, onDone }: DigitiseFormProps) {
  const [paperKind, setPaperKind] = useState<PaperKind>('original');
  const [files, setFiles] = useState<File[]>([]);
  const [box, setBox] = useState(0);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const { busy, run } = useInFlight();
  const legend = useId();

  const submit = () =>
    run(async () => {
      onStart();
      setMessage(null);
      const pdfs = files.filter(isPdfFile);
      if (pdfs.length > 0 && files.length > 1) {
        setMessage({ tone: 'error', text: 'Chọn một tệp PDF quét, hoặc các ảnh trang (PNG, JPEG) theo thứ tự trang, không trộn lẫn.' });
        return;
      }
      try {
        const uploads = await filesToUploads(files);
        const made = await write('copies.digitise', pdfs.length === 1 ? { documentId, paperKind, pdf: uploads[0] } : { documentId, paperKind, images: uploads });
        setMessage({
          tone: 'success',
          text: `Đã số hóa "${made.file.name}": ${made.verdict.pages.length} trang, ảnh màu, độ phân giải thấp nhất ${made.verdict.minDpi ?? '?'} dpi, PDF ${made.verdict.pdfVersion}.`,
        });
        setFiles([]);
        setBox((n) => n + 1);
        onDone();
      } catch (e) {
        setMessage({ tone: 'error', text: errorMessage(e) });
      }
    });

  return (
    <form
      className="form"
      aria-label="Số hóa văn bản giấy"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Số hóa văn bản giấy</h3>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <fieldset aria-labelledby={legend}>
        <legend id={legend}>Bản giấy được số hóa là</legend>
        {PAPER_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="radio" name="paperKind" value={k} checked={paperKind === k} disabled={busy} onChange={() => setPaperKind(k)} />
            {PAPER_KIND_NAMES[k]}
          </label>
        ))}
      </fieldset>
      <FilePicker
        key={box}
        label="Tệp PDF quét, hoặc ảnh các trang (PNG, JPEG)"
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        files={files}
        disabled={busy}
        onChange={(next) => {
          setFiles(next);
          setMessage(null);
        }}
      />
      <p className="muted">Tiêu chuẩn (Phụ lục I Nghị định 30/2020): PDF phiên bản 1.4 trở lên, ảnh màu, độ phân giải từ 200 dpi, tỷ lệ 100%.</p>
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy || files.length === 0}>
          {busy ? 'Đang số hóa…' : 'Số hóa'}
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import type { ImportReport } from '../../../shared/api/schemas/books.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { write } from '../../api/write.ts';
import { useFocusRescue } from '../../app/use-focus-rescue.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { SelectInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { fileToBase64 } from '../../util/files.ts';
import { showCount } from '../../util/format.ts';
import { ImportReportView } from './ImportReportView.tsx';

type Kind = 'incoming' | 'outgoing';

// A report belongs to the file and register kind it was made for.
interface Checked {
  readonly file: File;
  readonly kind: Kind;
  readonly report: ImportReport;
}

// Nhập sổ: a register kept in Excel or CSV, checked first (dry run) and imported only when every
// row is valid; the server imports all rows or none. The report shown, and so "Nhập N dòng", is
// always the one for the file and kind now chosen: choosing another clears it, and neither can
// change while a check or an import runs.
export function ImportPanel() {
  const [kind, setKind] = useState<Kind>('incoming');
  const [files, setFiles] = useState<File[]>([]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const rescueFocus = useFocusRescue();
  const file = files[0];
  const report = checked && checked.file === file && checked.kind === kind ? checked.report : null;

  const send = (dryRun: boolean) =>
    run(async () => {
      if (!file) return;
      setError(null);
      try {
        // A check changes nothing; an import changes the registers, which are read again.
        const result = await (dryRun ? call : write)('books.import', { kind, fileName: file.name, dataBase64: await fileToBase64(file), dryRun });
        setChecked({ file, kind, report: result });
      } catch (e) {
        setChecked(null);
        setError(errorMessage(e));
      }
      // "Nhập N dòng" goes once the import is done.
      if (!dryRun) rescueFocus();
    });

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">Nhập sổ từ Excel hoặc CSV</h2>
      <div className="form__grid">
        <SelectInput
          label="Loại sổ"
          name="importKind"
          value={kind}
          disabled={busy}
          onChange={(v) => {
            setKind(v as Kind);
            setChecked(null);
          }}
          options={[
            { value: 'incoming', label: 'Sổ văn bản đến' },
            { value: 'outgoing', label: 'Sổ văn bản đi' },
          ]}
        />
        <FilePicker
          label="Tệp sổ (.xlsx, .csv)"
          files={files}
          multiple={false}
          accept=".xlsx,.csv"
          disabled={busy}
          onChange={(next) => {
            setFiles(next);
            setChecked(null);
            setError(null);
          }}
        />
      </div>
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={!file || busy} onClick={() => void send(true)}>
          {busy ? 'Đang xử lý…' : 'Kiểm tra tệp'}
        </button>
        {report?.dryRun ? (
          <button type="button" className="button button--primary" disabled={busy || report.errors.length > 0} onClick={() => void send(false)}>
            {/* Nothing is imported while any row has an error, so no count is promised then. */}
            {report.errors.length > 0 ? 'Nhập' : `Nhập ${showCount(report.validRows)} dòng`}
          </button>
        ) : null}
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {report ? <ImportReportView report={report} /> : null}
    </section>
  );
}

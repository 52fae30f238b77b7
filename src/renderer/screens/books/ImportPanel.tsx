import { useState } from 'react';
import type { ImportReport } from '../../../shared/api/schemas/books.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { SelectInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { fileToBase64 } from '../../util/files.ts';
import { showCount } from '../../util/format.ts';
import { ImportReportView } from './ImportReportView.tsx';

// Nhập sổ: a register kept in Excel or CSV, checked first (dry run) and imported only when every
// row is valid; the server imports all rows or none.
export function ImportPanel() {
  const [kind, setKind] = useState<'incoming' | 'outgoing'>('incoming');
  const [files, setFiles] = useState<File[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = files[0];

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await call('books.import', { kind, fileName: file.name, dataBase64: await fileToBase64(file), dryRun }));
    } catch (e) {
      setReport(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = (next: File[]) => {
    setFiles(next);
    setReport(null);
  };

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">Nhập sổ từ Excel hoặc CSV</h2>
      <div className="form__grid">
        <SelectInput
          label="Loại sổ"
          name="importKind"
          value={kind}
          onChange={(v) => {
            setKind(v as 'incoming' | 'outgoing');
            setReport(null);
          }}
          options={[
            { value: 'incoming', label: 'Sổ văn bản đến' },
            { value: 'outgoing', label: 'Sổ văn bản đi' },
          ]}
        />
        <FilePicker label="Tệp sổ (.xlsx, .csv)" files={files} onChange={choose} multiple={false} accept=".xlsx,.csv" />
      </div>
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={!file || busy} onClick={() => void run(true)}>
          Kiểm tra tệp
        </button>
        {report?.dryRun ? (
          <button type="button" className="button button--primary" disabled={busy || report.errors.length > 0} onClick={() => void run(false)}>
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

import { useState } from 'react';
import type { ReportExportInput } from '../../../shared/api/schemas/reports.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { type Printed, PrintedFile } from '../../components/PrintedFile.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';

// Every export input but its format (a union: each report has its own fields).
type ReportOf<T> = T extends unknown ? Omit<T, 'format'> : never;
export type ReportChoice = ReportOf<ReportExportInput>;

interface ExportButtonsProps {
  readonly report: ReportChoice;
  // What the written file is, for the confirmation: "Báo cáo văn bản đến".
  readonly what: string;
}

// The report on screen written to the exports folder as PDF (to print and sign) or XLSX, then
// shown as the register books are: where it was saved, "Mở", and in a browser a download.
// Nothing changes in the records, so no read is refreshed.
export function ExportButtons({ report, what }: ExportButtonsProps) {
  const [printed, setPrinted] = useState<{ file: Printed; format: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const exportAs = (format: 'pdf' | 'xlsx') =>
    void run(async () => {
      setPrinted(null);
      setError(null);
      try {
        const file = await call('reports.export', { ...report, format } as ReportExportInput);
        setPrinted({ file, format });
      } catch (err) {
        setError(errorMessage(err));
      }
    });
  return (
    <div className="stack">
      <div className="screen__actions">
        <button type="button" className="button" disabled={busy} onClick={() => exportAs('pdf')}>
          Xuất PDF
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => exportAs('xlsx')}>
          Xuất Excel
        </button>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {printed ? <PrintedFile what={`${what} (${printed.format === 'pdf' ? 'PDF' : 'Excel'})`} file={printed.file} testId={`${report.report}-exported`} /> : null}
    </div>
  );
}

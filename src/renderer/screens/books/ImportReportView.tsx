import type { ImportReport, ImportRowError } from '../../../shared/api/schemas/books.ts';
import { Notice } from '../../components/Notice.tsx';
import { showCount } from '../../util/format.ts';

// The server's messages already name the column ("Ngày tháng văn bản: …").
function ProblemTable({ caption, rows }: { readonly caption: string; readonly rows: readonly ImportRowError[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Dòng</th>
          <th scope="col">Vấn đề</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.row}-${r.field ?? ''}-${i}`}>
            <td>{r.row}</td>
            <td>{r.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportReportView({ report }: { readonly report: ImportReport }) {
  const summary = report.dryRun
    ? report.errors.length > 0
      ? `Kiểm tra xong: ${showCount(report.errors.length)} lỗi trong ${showCount(report.totalRows)} dòng. Sửa tệp rồi kiểm tra lại; chưa có dòng nào được nhập.`
      : `Kiểm tra xong: ${showCount(report.validRows)}/${showCount(report.totalRows)} dòng hợp lệ. Nhấn "Nhập" để nhập vào sổ.`
    : `Đã nhập ${showCount(report.imported)} dòng vào sổ${report.years.length ? ` năm ${report.years.join(', ')}` : ''}.`;
  const tone = report.errors.length > 0 ? 'error' : report.dryRun ? 'info' : 'success';
  return (
    <div data-testid="import-report">
      <Notice tone={tone}>{summary}</Notice>
      <ProblemTable caption="Lỗi (phải sửa)" rows={report.errors} />
      <ProblemTable caption="Lưu ý" rows={report.warnings} />
    </div>
  );
}

import type { PackageReportView } from '../../../shared/api/schemas/archive.ts';
import { Notice } from '../../components/Notice.tsx';

// What the check of a handover package found, as the archive will check it: the counts, and each
// problem with the file it is about.
export function PackageReport({ report, title, testId }: { readonly report: PackageReportView; readonly title: string; readonly testId: string }) {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  return (
    <Notice tone={report.ok ? 'success' : 'error'}>
      <p data-testid={testId}>
        {title}: {report.ok ? 'gói hợp lệ' : 'gói không hợp lệ'} — {report.files} hồ sơ, {report.documents} văn bản, {report.checkedFiles} tệp đã đối chiếu mã SHA-256
        {errors.length > 0 ? `, ${errors.length} lỗi` : ''}
        {warnings.length > 0 ? `, ${warnings.length} lưu ý` : ''}.
      </p>
      {report.problems.length > 0 ? (
        <ul aria-label="Vấn đề của gói">
          {report.problems.map((p, i) => (
            // Two problems may name the same file.
            <li key={i}>
              {p.severity === 'error' ? 'Lỗi' : 'Lưu ý'}: <code>{p.path}</code> — {p.messageVi}
            </li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

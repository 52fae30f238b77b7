import type { CaseFileStatus } from '../../../shared/api/schemas/casefiles.ts';
import { STATUS_LABELS } from './casefile-words.ts';

// Đang lập / Đã kết thúc / Đã nộp lưu, as a mark beside a file's name.
export function CaseFileBadge({ status }: { readonly status: CaseFileStatus }) {
  return <span className={`badge badge--file-${status}`}>{STATUS_LABELS[status]}</span>;
}

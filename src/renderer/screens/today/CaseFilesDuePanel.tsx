import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDate, showInstantDate } from '../../util/dates.ts';
import { dueWords, fileName } from '../casefiles/casefile-words.ts';
import { TodayPanel } from './TodayPanel.tsx';

// Hồ sơ đến hạn nộp lưu (Appendix VI III.5.b): closed files due at the agency archive (Art.
// 30.2.b) within the server's reminder window (30 days) and those overdue, overdue first (the
// server's order), each opening its file.
export function CaseFilesDuePanel({ pollMs }: { readonly pollMs: number }) {
  const { navigate } = useApp();
  const due = useQuery({ ...apiQuery('caseFiles.dueHandovers', {}), refetchInterval: pollMs, placeholderData: keepPreviousData });
  const files = due.data?.files ?? [];
  if (due.error) return <Notice tone="error">{`Chưa tải được hồ sơ đến hạn nộp lưu: ${errorMessage(due.error)}`}</Notice>;
  if (!due.data) return null;
  const overdue = files.filter((f) => f.daysLeft < 0).length;
  return (
    <TodayPanel
      id="today-handovers"
      title={`Hồ sơ đến hạn nộp lưu${overdue ? ` (${overdue} quá hạn)` : ''}`}
      count={files.length}
      shown={files.length}
      emptyText={`Không có hồ sơ nào đến hạn nộp lưu trong ${due.data.withinDays} ngày tới.`}
    >
      {files.map(({ file, dueDate, daysLeft }) => (
        <li key={file.id} className={daysLeft < 0 ? 'today-list__overdue' : undefined}>
          <button type="button" className="link-button" onClick={() => navigate({ name: 'case-file', id: file.id })}>
            {fileName(file)}: {file.title}
          </button>{' '}
          {daysLeft < 0 ? <span className="badge badge--overdue">Quá hạn nộp lưu</span> : null}
          <span className="muted">
            Hạn nộp lưu {showDate(dueDate)} ({dueWords(daysLeft)}) · kết thúc ngày {showInstantDate(file.closedAt)}, {file.docTotal ?? 0} văn bản
          </span>
        </li>
      ))}
    </TodayPanel>
  );
}

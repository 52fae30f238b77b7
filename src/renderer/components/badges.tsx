import type { DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { isUrgent, priorityLabel } from '../../shared/domain/priority.ts';
import { processingStatusLabel } from '../../shared/domain/processing.ts';

// The marks a clerk scans for: urgency, overdue, void, and progress.
export function DocumentBadges({ doc }: { readonly doc: DocumentRecord }) {
  return (
    <span className="badges">
      {doc.status === 'void' ? <span className="badge badge--void">Đã hủy</span> : null}
      {isUrgent(doc.priority) ? <span className="badge badge--urgent">{priorityLabel(doc.priority)}</span> : null}
      {doc.overdue ? <span className="badge badge--overdue">Quá hạn</span> : null}
      {doc.direction === 'incoming' && doc.processingStatus && doc.status === 'active' ? (
        <span className={`badge badge--${doc.processingStatus}`}>{processingStatusLabel(doc.processingStatus)}</span>
      ) : null}
    </span>
  );
}

import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { auditActionLabel } from '../../util/labels.ts';

// The audit entries of one document: when it was registered, corrected, assigned or voided, and
// by whom. Every change is audited, so every write reads these again (write.ts).
export function DocumentAudit({ documentId }: { readonly documentId: number }) {
  const log = useQuery(apiQuery('audit.list', { entityType: 'document', entityId: String(documentId), limit: 100 }));
  return (
    <section className="panel" aria-labelledby="doc-audit-title">
      <h2 id="doc-audit-title">Nhật ký của văn bản</h2>
      {log.error ? <Notice tone="error">{errorMessage(log.error)}</Notice> : null}
      <ul className="timeline">
        {(log.data ?? []).map((e) => (
          <li key={e.seq}>
            <span className="timeline__at">{showDateTime(e.at)}</span> <strong>{auditActionLabel(e.action)}</strong>{' '}
            <span className="muted">— {e.actor}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

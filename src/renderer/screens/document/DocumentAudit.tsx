import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/schemas/audit.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { auditActionLabel } from '../../util/labels.ts';

// The audit entries of one document: when it was registered, corrected, assigned or voided, and
// by whom. `version` changes after each save so the list follows.
export function DocumentAudit({ documentId, version }: { readonly documentId: number; readonly version: number }) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('audit.list', { entityType: 'document', entityId: String(documentId), limit: 100 })
      .then((found) => {
        setEntries(found);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [documentId, version]);
  return (
    <section className="panel" aria-labelledby="doc-audit-title">
      <h2 id="doc-audit-title">Nhật ký của văn bản</h2>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <ul className="timeline">
        {entries.map((e) => (
          <li key={e.seq}>
            <span className="timeline__at">{showDateTime(e.at)}</span> <strong>{auditActionLabel(e.action)}</strong>{' '}
            <span className="muted">— {e.actor}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

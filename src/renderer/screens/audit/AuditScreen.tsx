import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/schemas/audit.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { auditActionLabel } from '../../util/labels.ts';
import { auditSubject, knownDocuments } from './audit-subject.ts';
import { ChecksPanel } from './ChecksPanel.tsx';

const PAGE = 100;

// Nhật ký: the append-only, hash-chained log, newest first, a page at a time.
export function AuditScreen() {
  const { navigate } = useApp();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback((beforeSeq?: number) => {
    call('audit.list', { limit: PAGE, ...(beforeSeq ? { beforeSeq } : {}) })
      .then((page) => {
        setEntries((before) => (beforeSeq ? [...before, ...page] : page));
        setMore(page.length === PAGE);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => load(), [load]);

  const documents = knownDocuments(entries);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Nhật ký
        </h1>
      </header>
      <ChecksPanel />
      {error ? <Notice tone="error">{error}</Notice> : null}
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">STT</th>
            <th scope="col">Lúc</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Việc</th>
            <th scope="col">Đối tượng</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{showDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{auditActionLabel(e.action)}</td>
              <td>
                {auditSubject(e, documents)}
                {e.entityType === 'document' && e.entityId ? (
                  <>
                    {' '}
                    <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: Number(e.entityId) })}>
                      Xem
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more ? (
        <button type="button" className="button" onClick={() => load(entries[entries.length - 1]?.seq)}>
          Xem cũ hơn
        </button>
      ) : null}
    </section>
  );
}

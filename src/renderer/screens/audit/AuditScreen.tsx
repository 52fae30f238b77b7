import { useInfiniteQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { auditActionLabel } from '../../util/labels.ts';
import { auditSubject, knownDocuments } from './audit-subject.ts';
import { ChecksPanel } from './ChecksPanel.tsx';

const PAGE = 100;

// Nhật ký: the append-only, hash-chained log, newest first, a page at a time: each older page
// starts before the last entry shown (the log only grows at the top, so offsets would shift).
export function AuditScreen() {
  const { navigate } = useApp();
  const log = useInfiniteQuery({
    queryKey: ['audit.list', {}],
    queryFn: ({ pageParam }) => call('audit.list', { limit: PAGE, ...(pageParam === null ? {} : { beforeSeq: pageParam }) }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => (page.length === PAGE ? (page[page.length - 1]?.seq ?? null) : null),
  });
  const entries = log.data?.pages.flat() ?? [];
  const error = log.error ? errorMessage(log.error) : null;

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
      {log.hasNextPage ? (
        <button type="button" className="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Xem cũ hơn
        </button>
      ) : null}
    </section>
  );
}

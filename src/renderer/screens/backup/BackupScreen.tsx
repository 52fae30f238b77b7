import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupRecord } from '../../../shared/api/schemas/books.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDateTime } from '../../util/dates.ts';
import { showBytes, showCount } from '../../util/format.ts';
import { RestoreDialog } from './RestoreDialog.tsx';

type Message = { readonly tone: 'success' | 'error'; readonly text: string };

export function BackupScreen() {
  const { info } = useApp();
  const list = useQuery(apiQuery('backup.list', {}));
  const backups = list.data ?? [];
  const [message, setMessage] = useState<Message | null>(null);
  const { busy, run } = useInFlight();
  const [restoring, setRestoring] = useState<BackupRecord | null>(null);

  const create = () =>
    run(async () => {
      try {
        const b = await write('backup.create', {});
        setMessage({ tone: 'success', text: `Đã sao lưu vào ${b.path} (${showBytes(b.bytes)}).` });
      } catch (e) {
        setMessage({ tone: 'error', text: errorMessage(e) });
      }
    });

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Sao lưu
        </h1>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void create()}>
          {busy ? 'Đang sao lưu…' : 'Sao lưu ngay'}
        </button>
      </header>
      <p>
        Bản sao lưu gồm toàn bộ sổ, nhật ký và văn bản kèm theo. Nên sao lưu cuối mỗi ngày và chép bản sao lưu sang ổ đĩa khác.
      </p>
      <p className="screen__hint">
        Các bản sao lưu nằm trong thư mục <code>{info.profileDir}/backups</code>. Muốn khôi phục một bản đã chép ra ổ đĩa khác, hãy chép tệp
        .vtbak đó trở lại thư mục này; nó sẽ hiện trong danh sách dưới đây.
      </p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      <table className="table" data-testid="backup-table">
        <thead>
          <tr>
            <th scope="col">Tệp</th>
            <th scope="col">Lúc</th>
            <th scope="col">Dung lượng</th>
            <th scope="col">Văn bản</th>
            <th scope="col">Văn bản kèm theo</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.fileName}>
              <td>{b.fileName}</td>
              <td>{showDateTime(b.createdAt)}</td>
              <td>{showBytes(b.bytes)}</td>
              <td>{b.documents === null ? '' : showCount(b.documents)}</td>
              <td>{b.files === null ? '' : showCount(b.files)}</td>
              <td>
                <button type="button" className="button button--quiet" onClick={() => setRestoring(b)}>
                  Khôi phục
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.isSuccess && backups.length === 0 ? <p className="muted">Chưa có bản sao lưu nào.</p> : null}
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(text) => {
            setRestoring(null);
            setMessage({ tone: 'success', text });
          }}
        />
      ) : null}
    </section>
  );
}

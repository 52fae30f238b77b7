import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CopyOptions, CopyRecord } from '../../../shared/api/schemas/copies.ts';
import type { CopyForm, CopyKind } from '../../../shared/domain/copy-rules.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDate } from '../../util/dates.ts';
import { CopyDialog } from './CopyDialog.tsx';
import { optionName, formName } from './copy-words.ts';
import { DigitiseForm } from './DigitiseForm.tsx';
import { DistributeCopyDialog } from './DistributeCopyDialog.tsx';

interface CopiesPanelProps {
  readonly documentId: number;
  readonly active: boolean;
  readonly onStart: () => void;
  readonly onChanged: () => void;
}

type Making = { sha256: string; name: string; kind: CopyKind; form: CopyForm; basis: string };
type FileOptions = CopyOptions['files'][number];

// Sao văn bản (docs/copies.md): digitising the paper, then for each file the copies the law
// allows, each a button, and those it does not with the reason; the copies made, opened or sent.
// What is allowed comes from the program (copies.options), which refuses the same things again.
export function CopiesPanel({ documentId, active, onStart, onChanged }: CopiesPanelProps) {
  const { navigate } = useApp();
  const query = useQuery(apiQuery('copies.options', { documentId }));
  const [making, setMaking] = useState<Making | null>(null);
  const [sending, setSending] = useState<CopyRecord | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = query.data;
  const done = (text: string) => {
    setNotice(text);
    onChanged();
  };
  const refused = (f: FileOptions) => f.options.filter((o) => !o.answer.allowed);

  return (
    <section className="panel" aria-labelledby="copies-title">
      <h2 id="copies-title">Sao văn bản</h2>
      {query.error ? <Notice tone="error">{`Chưa tải được các hình thức sao: ${errorMessage(query.error)}`}</Notice> : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {data?.copyOf ? (
        <p>
          Đây là {formName(data.copyOf.form)} số {data.copyOf.numberNotation} ({data.copyOf.basis}).{' '}
          <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: data.copyOf?.sourceDocumentId ?? documentId })}>
            Mở văn bản được sao
          </button>
        </p>
      ) : null}
      {data && data.files.length > 0 ? (
        <ul className="copy-files">
          {data.files.map((f) => (
            <li key={f.sha256}>
              <strong>{f.name}</strong>
              {f.digitised ? <span className="badge">{f.digitised === 'original' ? 'Bản số hóa của bản gốc giấy' : 'Bản số hóa của bản sao y giấy'}</span> : null}
              <div className="row-actions">
                {f.options.map((o) =>
                  o.answer.allowed ? (
                    <button
                      key={`${o.kind}-${o.form}`}
                      type="button"
                      className="button button--quiet"
                      disabled={!active}
                      onClick={() => {
                        onStart();
                        setNotice(null);
                        setMaking({ sha256: f.sha256, name: f.name, kind: o.kind, form: o.form, basis: o.answer.allowed ? o.answer.basis : '' });
                      }}
                    >
                      {`Lập ${optionName(o.kind, o.form)}`}
                    </button>
                  ) : null,
                )}
              </div>
              {refused(f).length > 0 ? (
                <details>
                  <summary>Vì sao không có các hình thức sao khác</summary>
                  <ul>
                    {refused(f).map((o) => (
                      <li key={`${o.kind}-${o.form}`}>
                        {optionName(o.kind, o.form)}: {o.answer.allowed ? '' : o.answer.reasonVi}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Chưa có tệp nào để sao.</p>
      )}
      {data && data.copies.length > 0 ? (
        <table className="table" aria-label="Bản sao đã lập">
          <thead>
            <tr>
              <th scope="col">Số, ký hiệu</th>
              <th scope="col">Hình thức</th>
              <th scope="col">Ngày sao</th>
              <th scope="col">Gửi</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.copies.map((c) => (
              <tr key={c.id}>
                <td>{c.numberNotation}</td>
                <td>{optionName(c.kind, c.form)}</td>
                <td>{showDate(c.copyDate)}</td>
                <td>{c.form === 'paper' ? 'Bản giấy' : c.queued.length > 0 ? c.queued.map((q) => q.name).join(', ') : 'Chưa gửi'}</td>
                <td className="row-actions">
                  <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: c.copyDocumentId })}>
                    Mở bản sao
                  </button>
                  {c.form === 'electronic' && c.queued.length === 0 && c.status === 'active' ? (
                    <button type="button" className="button button--quiet" onClick={() => setSending(c)}>
                      Gửi qua trục…
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {active ? <DigitiseForm documentId={documentId} onStart={onStart} onDone={() => onChanged()} /> : null}
      {making ? (
        <CopyDialog
          documentId={documentId}
          source={making}
          kind={making.kind}
          form={making.form}
          basis={making.basis}
          onClose={() => setMaking(null)}
          onDone={(copy) => {
            setMaking(null);
            done(`Đã lập ${optionName(copy.kind, copy.form)} số ${copy.numberNotation}${copy.form === 'paper' ? ': mở bản sao để in, ký và đóng dấu.' : '.'}`);
          }}
        />
      ) : null}
      {sending ? (
        <DistributeCopyDialog
          copy={sending}
          onClose={() => setSending(null)}
          onDone={(copy) => {
            setSending(null);
            done(`Đã đưa bản sao ${copy.numberNotation} vào hàng chờ gửi: lần đồng bộ tới sẽ gửi.`);
          }}
        />
      ) : null}
    </section>
  );
}

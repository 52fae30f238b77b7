import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import type { InboxDetail } from '../../../shared/api/schemas/sync.ts';
import { PRIORITIES, priorityLabel } from '../../../shared/domain/priority.ts';
import { ApiError, errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate, showDateTime } from '../../util/dates.ts';
import { base64ToBlob, saveBlob } from '../../util/files.ts';
import { showBytes } from '../../util/format.ts';
import { VerificationPanel } from '../signing/VerificationPanel.tsx';
import { numberOf, VerdictBadge } from './InboxList.tsx';
import { ReasonDialog } from '../../components/ReasonDialog.tsx';
import { BUSINESS_NAMES, FILE_VERDICT_NAMES, INBOX_STATE_NAMES } from './sync-words.ts';

type InboxFile = InboxDetail['files'][number];

// One document the hub delivered: its header, its files with the verification made on arrival,
// and, while it waits, Tiếp nhận (into the incoming register, số đến) or Từ chối with a reason.
// A recall, update or replacement request is shown read-only with the document it is about.
export function InboxDetailView({ id }: { readonly id: number }) {
  const { navigate } = useApp();
  const query = useQuery(apiQuery('inbox.get', { id }));
  const item = query.data;
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [registered, setRegistered] = useState<DocumentRecord | null>(null);
  const [verifying, setVerifying] = useState<InboxFile | null>(null);
  const [dialog, setDialog] = useState<'refuse' | 'agree' | 'decline' | null>(null);
  const { busy, run } = useInFlight();

  if (query.error) return <Notice tone="error">{errorMessage(query.error)}</Notice>;
  if (!item) return <p className="muted">Đang tải văn bản…</p>;

  const accept = (allowDuplicate: boolean) =>
    void run(async () => {
      setFailure(null);
      try {
        setRegistered(await write('inbox.accept', { id, allowDuplicate }));
        setDuplicate(null);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'DUPLICATE_SUSPECTED') setDuplicate(e.message);
        else setFailure(errorMessage(e));
      }
    });

  const download = async (f: InboxFile) => {
    setFailure(null);
    try {
      const content = await call('inbox.readFile', { id, sha256: f.sha256 });
      saveBlob(base64ToBlob(content.dataBase64, f.contentType || 'application/octet-stream'), content.name);
    } catch (e) {
      setFailure(`Không tải được "${f.name}": ${errorMessage(e)}`);
    }
  };

  const isRequest = item.businessType !== 'new';
  const open = item.state === 'received' && !isRequest;
  const priority = PRIORITIES[item.priority];
  return (
    <section className="screen inbox-detail" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          {isRequest ? `${BUSINESS_NAMES[item.businessType]}: ` : ''}
          {item.subject || '(không có trích yếu)'}
        </h1>
        <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'sync' })}>
          Về Liên thông
        </button>
      </header>
      {registered ? (
        <Notice tone="success">
          Đã vào sổ văn bản đến, số đến {registered.number}.{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'document', id: registered.id })}>
            Xem trong sổ văn bản đến
          </button>
        </Notice>
      ) : null}
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {duplicate ? (
        <Notice tone="warning">
          {duplicate}{' '}
          <button type="button" className="button" onClick={() => accept(true)} disabled={busy}>
            Vẫn tiếp nhận
          </button>
        </Notice>
      ) : null}
      {isRequest ? (
        <Notice tone="info">
          Đây là {BUSINESS_NAMES[item.businessType].toLowerCase()} của nơi gửi
          {item.related ? ` đối với văn bản số ${numberOf(item.related)}: ${item.related.subject}` : ' (văn bản gốc chưa đến máy này)'}.
          {item.state === 'answered' ? ' Đã trả lời yêu cầu này.' : ' Hãy đồng ý hoặc từ chối; nơi gửi nhận được câu trả lời ở lần đồng bộ sau.'}
        </Notice>
      ) : null}
      {isRequest && item.state === 'received' ? (
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => setDialog('agree')} disabled={busy}>
            Đồng ý…
          </button>
          <button type="button" className="button button--danger" onClick={() => setDialog('decline')} disabled={busy}>
            Từ chối yêu cầu…
          </button>
        </div>
      ) : null}
      {open ? (
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => accept(false)} disabled={busy}>
            {busy ? 'Đang tiếp nhận…' : 'Tiếp nhận (vào sổ đến)'}
          </button>
          <button type="button" className="button button--danger" onClick={() => setDialog('refuse')} disabled={busy}>
            Từ chối…
          </button>
        </div>
      ) : null}
      {item.documentId !== null && !registered ? (
        <button type="button" className="button" onClick={() => navigate({ name: 'document', id: item.documentId as number })}>
          Xem trong sổ văn bản đến
        </button>
      ) : null}
      <dl className="issuance__facts">
        <dt>Nơi gửi</dt>
        <dd>
          {item.fromName || item.fromOrganId} ({item.fromOrganId})
        </dd>
        <dt>Số, ký hiệu</dt>
        <dd>{numberOf(item)}</dd>
        <dt>Ngày văn bản</dt>
        <dd>{item.documentDate ? showDate(item.documentDate) : ''}</dd>
        <dt>Loại văn bản</dt>
        <dd>{item.documentTypeName}</dd>
        <dt>Người ký</dt>
        <dd>{[item.signerPosition, item.signerName].filter(Boolean).join(' — ')}</dd>
        <dt>Độ khẩn</dt>
        <dd>{priority ? priorityLabel(priority) : item.priority}</dd>
        {item.dueDate ? (
          <>
            <dt>Hạn xử lý</dt>
            <dd>{showDate(item.dueDate)}</dd>
          </>
        ) : null}
        <dt>Chữ ký số</dt>
        <dd>
          <VerdictBadge verdict={item.verdict} />
        </dd>
        <dt>Trạng thái</dt>
        <dd data-testid="inbox-state">
          {INBOX_STATE_NAMES[item.state]}
          {item.refuseReason ? ` — lý do: ${item.refuseReason}` : ''}
        </dd>
        <dt>Nhận lúc</dt>
        <dd>{showDateTime(item.receivedAt)}</dd>
        <dt>Mã văn bản liên thông</dt>
        <dd>{item.documentIdentifier}</dd>
      </dl>
      {item.requests.length > 0 ? (
        <Notice tone="warning">
          Nơi gửi đã gửi yêu cầu về văn bản này:{' '}
          {item.requests.map((r) => (
            <button key={r.id} type="button" className="link-button" onClick={() => navigate({ name: 'sync', inboxId: r.id })}>
              {BUSINESS_NAMES[r.businessType]} ({showDateTime(r.receivedAt)})
            </button>
          ))}
        </Notice>
      ) : null}
      <section className="panel" aria-labelledby="inbox-files-title">
        <h2 id="inbox-files-title">Tệp đính kèm</h2>
        {item.files.length === 0 ? <p className="muted">Gói tin không có tệp.</p> : null}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Tệp</th>
              <th scope="col">Dung lượng</th>
              <th scope="col">Chữ ký số</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {item.files.map((f) => (
              <tr key={f.sha256}>
                <td>{f.name}</td>
                <td>{showBytes(f.size)}</td>
                <td>{FILE_VERDICT_NAMES[f.verdict]}</td>
                <td className="issuance-files__actions">
                  <button type="button" className="button button--quiet" onClick={() => void download(f)}>
                    Tải về
                  </button>
                  {f.report ? (
                    <button type="button" className="button button--quiet" onClick={() => setVerifying(f)}>
                      Kết quả kiểm tra chữ ký
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {verifying?.report ? (
          <VerificationPanel key={verifying.sha256} report={verifying.report} fileName={verifying.name} onClose={() => setVerifying(null)} />
        ) : null}
      </section>
      {dialog === 'refuse' ? (
        <ReasonDialog
          title="Từ chối tiếp nhận văn bản"
          explanation='Văn bản không được vào sổ. Nơi gửi nhận được trạng thái "Từ chối tiếp nhận" kèm lý do ở lần đồng bộ sau.'
          label="Lý do từ chối"
          confirm="Xác nhận từ chối"
          busyLabel="Đang từ chối…"
          danger
          send={(reason) => write('inbox.refuse', { id, reason })}
          onClose={() => setDialog(null)}
          onDone={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'agree' || dialog === 'decline' ? (
        <ReasonDialog
          title={dialog === 'agree' ? `Đồng ý ${BUSINESS_NAMES[item.businessType].toLowerCase()}` : `Từ chối ${BUSINESS_NAMES[item.businessType].toLowerCase()}`}
          explanation={
            dialog === 'agree' && item.businessType !== 'update'
              ? 'Văn bản gốc được thu lại: không còn trong danh sách chờ, và nếu đã vào sổ thì dòng sổ được đánh dấu hủy kèm lý do (số đến giữ nguyên). Nơi gửi nhận trạng thái 15.'
              : dialog === 'agree'
                ? 'Nơi gửi nhận trạng thái 15 (đồng ý).'
                : 'Văn bản gốc giữ nguyên. Nơi gửi nhận trạng thái 16 (từ chối) kèm lý do.'
          }
          label="Ý kiến trả lời"
          confirm={dialog === 'agree' ? 'Xác nhận đồng ý' : 'Xác nhận từ chối'}
          busyLabel="Đang ghi…"
          danger={dialog === 'decline'}
          send={(reason) => write('inbox.answer', { id, agree: dialog === 'agree', reason })}
          onClose={() => setDialog(null)}
          onDone={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}

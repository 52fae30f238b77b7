import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import { priorityLabel } from '../../../shared/domain/priority.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';
import { RepliesPanel } from '../document/RepliesPanel.tsx';
import { IssuanceFiles } from './IssuanceFiles.tsx';
import { IssuanceStepper } from './IssuanceStepper.tsx';
import { IssuanceVoidDialog } from './IssuanceVoidDialog.tsx';
import { canCorrect, canVoid, nextStep, OUTBOX_STATUS_NAMES, RELATION_NAMES, SECRECY_NAMES, STATE_NAMES, STEPS } from './issuance-words.ts';
import { OriginalLink } from './OriginalLink.tsx';
import { ReportedStatus } from './ReportedStatus.tsx';
import { TokenStepDialog } from './TokenStepDialog.tsx';
import { numberNotation } from '../../../shared/domain/notation.ts';

const FILE_STEP_ORDER = { draft: 0, approved: 2, numbered: 3, issued: 4 } as const;

// Where the stepper stands: the current state, or for a voided document the last step its files
// show (the record keeps no earlier state).
function reachedIndex(record: IssuanceRecord): number {
  if (record.state !== 'void') return STEPS.indexOf(record.state);
  return Math.max(...record.files.map((f) => FILE_STEP_ORDER[f.step])) + 1;
}

// One document of the workflow: where it stands, the next step as the primary button (approve
// and issue ask for the token), void with a reason, its files and, once sent, its recipients by
// channel and the outbox; the incoming documents it answers (a reply).
export function IssuanceDetail({ id }: { readonly id: number }) {
  const { navigate } = useApp();
  const query = useQuery(apiQuery('issuance.get', { id }));
  const record = query.data;
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'token' | 'void' | null>(null);
  const { busy, run } = useInFlight();

  if (query.error) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        <h1 id="screen-title" tabIndex={-1}>
          Phát hành văn bản
        </h1>
        <Notice tone="error">{errorMessage(query.error)}</Notice>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          Tải lại
        </button>
      </section>
    );
  }
  if (!record) return <p className="muted">Đang tải văn bản…</p>;

  const step = nextStep(record.state);
  // The record on screen was read again by the step's write; the answer names the new state.
  const stepDone = (next: IssuanceRecord) => {
    setDialog(null);
    setFailure(null);
    setDone(`Xong: ${STATE_NAMES[next.state]}.`);
  };
  const runStep = () => {
    if (!step) return;
    if (step.kind === 'token') {
      setDialog('token');
      return;
    }
    void run(async () => {
      setFailure(null);
      setDone(null);
      try {
        stepDone(await write(step.op, { id: record.id }));
      } catch (e) {
        // A CONFLICT (another window or the CLI moved the document on) is said in the server's
        // words; the write read the record again, so the button matches the real state.
        setFailure(errorMessage(e));
      }
    });
  };
  const number = numberNotation(record);

  return (
    <section className="screen issuance" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          {record.documentTypeName}
          {number ? ` số ${number}` : ''}: {record.subject}
        </h1>
        <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'issuance' })}>
          Về danh sách phát hành
        </button>
      </header>
      <IssuanceStepper state={record.state} reached={reachedIndex(record)} />
      <p data-testid="issuance-state">
        Trạng thái: <strong>{STATE_NAMES[record.state]}</strong>
        {record.state === 'void' && record.voidReason ? ` — lý do: ${record.voidReason}` : ''}
      </p>
      {done ? <Notice tone="success">{done}</Notice> : null}
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <div className="form__actions">
        {step ? (
          <button type="button" className="button button--primary" onClick={runStep} disabled={busy}>
            {busy && step.kind === 'call' ? step.busy : step.label}
          </button>
        ) : null}
        {canVoid(record.state) ? (
          <button type="button" className="button button--danger" onClick={() => setDialog('void')} disabled={busy}>
            {record.documentId === null ? 'Hủy dự thảo…' : 'Hủy văn bản…'}
          </button>
        ) : null}
        {record.documentId !== null ? (
          <button type="button" className="button" onClick={() => navigate({ name: 'document', id: record.documentId as number })}>
            Xem trong sổ văn bản đi
          </button>
        ) : null}
        {canCorrect(record) ? (
          <button
            type="button"
            className="button"
            onClick={() => navigate({ name: 'drafting', correction: { documentId: record.documentId as number, label: `${record.documentTypeName} số ${number ?? ''}${record.documentDate ? ` ngày ${showDate(record.documentDate)}` : ''}: ${record.subject}` } })}
          >
            Văn bản sửa đổi, thay thế, đính chính…
          </button>
        ) : null}
      </div>
      <dl className="issuance__facts">
        <dt>Số, ký hiệu</dt>
        <dd>{number ?? '(chưa cấp số)'}</dd>
        <dt>Ngày văn bản</dt>
        <dd>{record.documentDate ? showDate(record.documentDate) : '(chưa cấp số)'}</dd>
        <dt>Người ký</dt>
        <dd>{[record.signerCompetence, record.signerPosition, record.signerName].filter(Boolean).join(' — ')}</dd>
        <dt>Độ khẩn</dt>
        <dd>{priorityLabel(record.priority)}</dd>
        <dt>Độ mật</dt>
        <dd data-testid="issuance-secrecy">{SECRECY_NAMES[record.secrecy]}</dd>
        <dt>Lưu</dt>
        <dd>{record.archive ?? 'VT'}</dd>
        {record.relatedDocumentId !== null && record.relation !== null ? (
          <>
            <dt>{RELATION_NAMES[record.relation]} văn bản</dt>
            <dd>
              <OriginalLink documentId={record.relatedDocumentId} />
            </dd>
          </>
        ) : null}
      </dl>
      {/* Named before numbering too: the register step closes the incoming documents it answers. */}
      <RepliesPanel
        of={{ issuance: record }}
        onStart={() => {
          setFailure(null);
          setDone(null);
        }}
        onChanged={setDone}
      />
      <IssuanceFiles record={record} />
      <section className="panel" aria-labelledby="issuance-recipients-title">
        <h2 id="issuance-recipients-title">Nơi gửi</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Cơ quan, đơn vị</th>
              <th scope="col">Mã định danh</th>
              <th scope="col">Cách gửi</th>
              <th scope="col">Hàng đợi gửi</th>
              <th scope="col">Nơi nhận báo</th>
            </tr>
          </thead>
          <tbody>
            {record.recipients.map((r, i) => {
              const queued = record.outbox.find((o) => o.organId === r.organId && o.recipientName === r.name);
              return (
                <tr key={i}>
                  <td>{r.name}</td>
                  <td>{r.organId ?? ''}</td>
                  <td>{r.channel === 'electronic' ? 'Điện tử' : 'Bản giấy'}</td>
                  <td>{queued ? OUTBOX_STATUS_NAMES[queued.status] : record.state === 'distributed' && r.channel === 'paper' ? 'Gửi bản giấy' : ''}</td>
                  <td data-testid="recipient-reported">{queued ? <ReportedStatus entry={queued} /> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {dialog === 'token' && step?.kind === 'token' ? <TokenStepDialog id={record.id} op={step.op} title={step.title} onClose={() => setDialog(null)} onDone={stepDone} /> : null}
      {dialog === 'void' ? <IssuanceVoidDialog record={record} onClose={() => setDialog(null)} onVoided={stepDone} /> : null}
    </section>
  );
}

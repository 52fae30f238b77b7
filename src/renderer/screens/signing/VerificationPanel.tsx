import type { SignatureReport, VerificationReport } from '../../../shared/api/schemas/verification.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { CHECK_NAMES, CHECK_ORDER, CHECK_STATUS_NAMES, LEVEL_NAMES, VERDICT_NAMES } from './signing-words.ts';
import { commonName } from './token-choice.ts';

interface VerificationPanelProps {
  // null while the check runs (FileVerification) or when it failed (`error`).
  readonly report: VerificationReport | null;
  readonly error?: string | null;
  readonly fileName: string;
  readonly onClose: () => void;
}

const VERDICT_TONE = { valid: 'success', invalid: 'error', indeterminate: 'warning', unsigned: 'info' } as const;
const STATUS_BADGE = { ok: 'done', warning: 'pending', failed: 'overdue', unknown: 'void' } as const;

function SignatureView({ s, n }: { readonly s: SignatureReport; readonly n: number }) {
  return (
    <article className="signature" aria-label={`Chữ ký ${n}`}>
      <h4>
        Chữ ký {n}: {s.signer ? commonName(s.signer.subject) : 'không đọc được người ký'}{' '}
        <span className={`badge badge--${STATUS_BADGE[s.verdict === 'valid' ? 'ok' : s.verdict === 'invalid' ? 'failed' : 'warning']}`}>{VERDICT_NAMES[s.verdict]}</span>
      </h4>
      <p className="signature__verdict">{s.verdictVi}</p>
      <dl className="cert">
        <dt>Người ký</dt>
        <dd>{s.signer?.subject ?? 'Không có chứng thư của người ký trong chữ ký.'}</dd>
        <dt>Nơi cấp chứng thư</dt>
        <dd>{s.signer ? `${s.signer.issuer} (hiệu lực ${showDateTime(s.signer.notBefore)} – ${showDateTime(s.signer.notAfter)})` : ''}</dd>
        <dt>Thời điểm ký</dt>
        {/* The claims of the signer's computer beside what a timestamp proves: some tools write
            local time into signingTime, seven hours off, so neither claim is taken as proof. */}
        <dd>
          {s.timestampTime ? `${showDateTime(s.timestampTime)} theo dấu thời gian (đã chứng thực)` : 'không có dấu thời gian'}
          {s.claimedTime ? `; tệp ghi ${showDateTime(s.claimedTime)}` : ''}
          {s.cmsSigningTime ? `; chữ ký tự ghi ${showDateTime(s.cmsSigningTime)}` : ''}
          {s.claimedTime || s.cmsSigningTime ? ' (do máy người ký tự ghi, chưa được chứng thực)' : ''}
        </dd>
        <dt>Mức chữ ký</dt>
        <dd>{s.level ? LEVEL_NAMES[s.level] : `không phải chữ ký PAdES (${s.subFilter ?? 'không rõ'})`}</dd>
        <dt>Lý do, trường ký</dt>
        <dd>
          {s.reason ?? '(không ghi lý do)'} · {s.fieldName}
          {s.page !== null ? `, trang ${s.page + 1}` : ''} · {s.coversWholeFile ? 'phủ toàn bộ tệp' : 'không phủ toàn bộ tệp'}
        </dd>
      </dl>
      <table className="table checks">
        <thead>
          <tr>
            <th scope="col">Bước kiểm tra</th>
            <th scope="col">Kết quả</th>
            <th scope="col">Chi tiết</th>
          </tr>
        </thead>
        <tbody>
          {CHECK_ORDER.map((k) => {
            const c = s.checks[k];
            // A report stored before a check existed has no line for it.
            if (!c) return null;
            return (
              <tr key={k}>
                <th scope="row">{CHECK_NAMES[k]}</th>
                <td>
                  <span className={`badge badge--${STATUS_BADGE[c.status]}`}>{CHECK_STATUS_NAMES[c.status]}</span>
                </td>
                <td>{c.messageVi}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {s.changesAfter.length > 0 ? (
        <>
          <p>Thay đổi sau chữ ký này:</p>
          <ul>
            {s.changesAfter.map((c, i) => (
              <li key={i}>
                {c.description} — {c.allowed ? 'được phép' : 'KHÔNG được phép'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

// Kiểm tra chữ ký: the file's verdict with the server's summary, then each signature with who,
// when, at what level, and every check with its status and message. Nothing here says "valid"
// without the checks it rests on next to it. A file delivered by the hub comes with the report
// made when it arrived; a stored file is checked by FileVerification.
export function VerificationPanel({ report, error = null, fileName, onClose }: VerificationPanelProps) {
  return (
    <section className="panel verification" aria-labelledby="verification-title">
      <h3 id="verification-title" tabIndex={-1}>
        Kiểm tra chữ ký: {fileName}
      </h3>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {!report && !error ? <p className="muted">Đang kiểm tra chữ ký…</p> : null}
      {report ? (
        <>
          <Notice tone={VERDICT_TONE[report.verdict]}>
            <strong>{VERDICT_NAMES[report.verdict]}.</strong> {report.summaryVi}
          </Notice>
          <p className="muted">
            Đối chiếu với {report.trustAnchors} chứng thư gốc tin cậy (Cài đặt → Ký số).
            {report.trustProblems.length ? ` Không đọc được: ${report.trustProblems.join('; ')}.` : ''}
          </p>
          {report.signatures.map((s, i) => (
            <SignatureView key={s.index} s={s} n={i + 1} />
          ))}
        </>
      ) : null}
      <button type="button" className="button" onClick={onClose}>
        Đóng kết quả kiểm tra
      </button>
    </section>
  );
}

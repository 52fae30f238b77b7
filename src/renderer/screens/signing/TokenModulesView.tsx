import { useQuery } from '@tanstack/react-query';
import { GRADE_NAMES, moduleOwnerVi, moduleSourceVi } from '../../../shared/domain/token-module-origin.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { MODULE_STATUS_NAMES } from './signing-words.ts';
import { commonName } from './token-choice.ts';

const STATUS_BADGE = { loaded: 'done', failed: 'overdue', missing: 'void' } as const;

// What the app finds with the settings: each PKCS#11 library under the CA it belongs to (or "Không
// rõ tổ chức cấp": never a guess), where it was found, loaded or why not, its tokens with what
// they say about the PIN, and their certificates that have a key to sign with. Saved settings
// ask again (SigningSettingsPanel), even while a search runs: the newer answer wins.
export function TokenModulesView() {
  const tokens = useQuery(apiQuery('token.list', {}));
  const modules = tokens.data ?? null;
  const busy = tokens.isFetching;
  const error = tokens.error ? `Chưa đọc được thiết bị ký số: ${errorMessage(tokens.error)}` : null;

  return (
    <section className="token-modules" aria-labelledby="token-modules-title" aria-busy={busy}>
      <h3 id="token-modules-title">Thiết bị ký số tìm thấy</h3>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {modules?.length === 0 ? <p className="muted">Không tìm thấy thư viện PKCS#11 nào. Hãy thêm đường dẫn thư viện của thiết bị ở trên.</p> : null}
      <ul className="token-modules__list">
        {(modules ?? []).map((m) => (
          <li key={m.path}>
            <p>
              <strong className="token-modules__owner">{moduleOwnerVi(m.owner)}</strong> <span className={`badge badge--${STATUS_BADGE[m.status]}`}>{MODULE_STATUS_NAMES[m.status]}</span>
              {m.description ? <span className="muted"> · {m.description}</span> : null}
            </p>
            <p className="muted token-modules__origin">
              <code>{m.path}</code> — tìm thấy qua {moduleSourceVi(m.source, m.provider)}
              {m.owner ? `; ${GRADE_NAMES[m.owner.grade]}` : null}
            </p>
            {m.reasonVi ? <p className="token-modules__reason">{m.reasonVi}</p> : null}
            {m.status === 'loaded' && m.tokens.length === 0 ? <p className="muted">Chưa cắm thiết bị nào dùng thư viện này.</p> : null}
            {m.tokens.map((t) => (
              <div key={t.serialNumber} className="token-modules__token">
                <p>
                  <strong>{t.label}</strong> — {[t.manufacturer, t.model].filter(Boolean).join(' ')}, số sê-ri {t.serialNumber}
                </p>
                <p className="muted">{t.pinStatus.messageVi}</p>
                {t.certificates.length === 0 ? (
                  <p className="muted">Không có chứng thư số nào kèm khóa để ký.</p>
                ) : (
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">Người được cấp</th>
                        <th scope="col">Nơi cấp</th>
                        <th scope="col">Hiệu lực</th>
                        <th scope="col">Khóa</th>
                      </tr>
                    </thead>
                    <tbody>
                      {t.certificates.map((c) => (
                        <tr key={c.id}>
                          <td title={c.subject}>{commonName(c.subject)}</td>
                          <td title={c.issuer}>{commonName(c.issuer)}</td>
                          <td>
                            {showDateTime(c.notBefore)} – {showDateTime(c.notAfter)}
                          </td>
                          <td>
                            {c.keyAlgorithm} {c.keySize > 0 ? c.keySize : ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            ))}
          </li>
        ))}
      </ul>
      <button type="button" className="button" disabled={busy} onClick={() => void tokens.refetch()}>
        {busy ? 'Đang tìm…' : 'Tìm lại thiết bị'}
      </button>
    </section>
  );
}

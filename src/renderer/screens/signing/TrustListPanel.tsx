import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TrustImportResult, TrustListView } from '../../../shared/api/schemas/trust-list.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';
import { fileToBase64, type Upload } from '../../util/files.ts';
import { commonName } from './token-choice.ts';

const ROLE_NAMES: Readonly<Record<TrustListView['certificates'][number]['role'], string>> = {
  root: 'Gốc',
  intermediate: 'Trung gian',
  timestamping: 'Dấu thời gian',
};

function ChangeList({ result }: { readonly result: TrustImportResult }) {
  return (
    <ul className="trust-change">
      {result.added.map((c) => (
        <li key={`+${c.sha256}`}>
          Thêm {ROLE_NAMES[c.role].toLowerCase()}: {commonName(c.subject)} (hiệu lực {showDate(c.notBefore)} – {showDate(c.notAfter)})
        </li>
      ))}
      {result.removed.map((c) => (
        <li key={`-${c.sha256}`}>
          Gỡ {ROLE_NAMES[c.role].toLowerCase()}: {commonName(c.subject)}
        </li>
      ))}
      {result.refused.map((r, i) => (
        <li key={`!${i}`}>
          Không nhận {r.file}
          {r.subject ? ` (${commonName(r.subject)})` : ''}: {r.messageVi}
        </li>
      ))}
    </ul>
  );
}

// Cài đặt → Ký số → Danh sách tin cậy: what the verifier trusts (the program's list and what the
// agency added), and adding certificates or a newer bundle from the national root CA. A choice of
// files is first shown as the change it would make; "Áp dụng" makes it.
export function TrustListPanel() {
  const view = useQuery(apiQuery('trustList.view', {}));
  const [files, setFiles] = useState<Upload[]>([]);
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<TrustImportResult | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [box, setBox] = useState(0);
  const { busy, run } = useInFlight();
  const id = useId();

  const choose = (chosen: File[], replacing: boolean) =>
    run(async () => {
      setMessage(null);
      setPreview(null);
      try {
        const uploads = await Promise.all(chosen.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f) })));
        setFiles(uploads);
        if (uploads.length > 0) setPreview(await call('trustList.import', { files: uploads, replace: replacing, dryRun: true }));
      } catch (e) {
        setMessage({ tone: 'error', text: errorMessage(e) });
      }
    });

  const apply = () =>
    run(async () => {
      try {
        const done = await write('trustList.import', { files, replace, dryRun: false });
        setMessage({ tone: 'success', text: `Đã cập nhật danh sách tin cậy: thêm ${done.added.length}, gỡ ${done.removed.length}.` });
        setFiles([]);
        setPreview(null);
        setBox((n) => n + 1);
      } catch (e) {
        setMessage({ tone: 'error', text: errorMessage(e) });
      }
    });

  const remove = (sha256: string, subject: string) =>
    run(async () => {
      try {
        await write('trustList.remove', { sha256 });
        setMessage({ tone: 'success', text: `Đã gỡ ${commonName(subject)} khỏi danh sách tin cậy.` });
      } catch (e) {
        setMessage({ tone: 'error', text: errorMessage(e) });
      }
    });

  const v = view.data;
  return (
    <fieldset className="trust-list" aria-labelledby={`${id}-title`}>
      <legend id={`${id}-title`}>Danh sách chứng thư tin cậy</legend>
      {view.error ? <Notice tone="error">{`Chưa đọc được danh sách tin cậy: ${errorMessage(view.error)}`}</Notice> : null}
      {v ? (
        <>
          <p>
            {v.program.refused ? 'Danh sách của chương trình bị từ chối vì tệp không khớp bản kê; ' : `${v.program.name ?? ''} (ngày ${showDate(v.program.published)}): `}
            <strong>{v.counts.root}</strong> chứng thư gốc, <strong>{v.counts.intermediate}</strong> chứng thư trung gian, <strong>{v.counts.timestamping}</strong> chứng thư dấu thời gian
            {v.counts.folder > 0 ? `, ${v.counts.folder} chứng thư từ thư mục của quản trị` : ''}.
            {v.newest ? ` Mới nhất: ${commonName(v.newest.subject)} (từ ${showDate(v.newest.notBefore)}).` : ''}
            {v.expired > 0 ? ` ${v.expired} chứng thư đã hết hạn (vẫn dùng để kiểm tra chữ ký ký trước đó).` : ''}
          </p>
          {v.problems.length > 0 ? <Notice tone="warning">{`Lưu ý: ${v.problems.join(' ')}`}</Notice> : null}
          <details>
            <summary>Xem {v.certificates.length} chứng thư</summary>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Loại</th>
                  <th scope="col">Tổ chức</th>
                  <th scope="col">Hiệu lực</th>
                  <th scope="col">Nguồn</th>
                </tr>
              </thead>
              <tbody>
                {v.certificates.map((c) => (
                  <tr key={c.sha256}>
                    <td>{ROLE_NAMES[c.role]}</td>
                    <td title={c.subject}>{commonName(c.subject)}</td>
                    <td>
                      {showDate(c.notBefore)} – {showDate(c.notAfter)}
                    </td>
                    <td>
                      {c.origin === 'profile' ? (
                        <button type="button" className="button button--quiet" disabled={busy} onClick={() => void remove(c.sha256, c.subject)} aria-label={`Gỡ ${commonName(c.subject)}`}>
                          Cơ quan thêm — gỡ
                        </button>
                      ) : (
                        'Chương trình'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <div className="field">
        <label htmlFor={`${id}-files`}>Thêm chứng thư hoặc gói chứng thư mới (.cer, .crt, .pem, .p7b)</label>
        <input
          key={box}
          id={`${id}-files`}
          type="file"
          multiple
          accept=".cer,.crt,.pem,.der,.p7b,.p7c"
          disabled={busy}
          onChange={(e) => void choose([...(e.target.files ?? [])], replace)}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={replace}
          disabled={busy}
          onChange={(e) => {
            setReplace(e.target.checked);
            if (files.length > 0) void run(async () => setPreview(await call('trustList.import', { files, replace: e.target.checked, dryRun: true })));
          }}
        />{' '}
        Gói mới thay cho toàn bộ chứng thư cơ quan đã thêm
      </label>
      {preview ? (
        <div className="trust-preview" role="status">
          <p>
            Sẽ thêm {preview.added.length}, gỡ {preview.removed.length}; {preview.unchanged} chứng thư đã có; {preview.refused.length} không nhận.
          </p>
          <ChangeList result={preview} />
          <button type="button" className="button" disabled={busy || (preview.added.length === 0 && preview.removed.length === 0)} onClick={() => void apply()}>
            Áp dụng
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

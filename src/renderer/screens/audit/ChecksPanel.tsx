import { useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract.ts';
import type { AuditVerifyResult } from '../../../shared/api/schemas/audit.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { showCount } from '../../util/format.ts';

function verifyText(r: AuditVerifyResult): string {
  if (r.ok) return `Nhật ký toàn vẹn: ${showCount(r.entries)} mục, chuỗi băm khớp đến mục ${r.headSeq ?? 0}.`;
  return `Nhật ký bị sửa hoặc hỏng từ mục ${r.firstBrokenSeq ?? '?'}: ${r.problem ?? ''}`;
}

function checkText(r: OutputOf<'db.check'>): string {
  if (r.ok) return `Dữ liệu tốt: cơ sở dữ liệu không lỗi, nhật ký toàn vẹn, ${showCount(r.files.checked)} tệp văn bản kèm theo đủ và đúng.`;
  const problems = [
    ...r.integrity.slice(0, 3).map((p) => `cơ sở dữ liệu: ${p}`),
    ...(r.audit.ok ? [] : [verifyText(r.audit)]),
    ...(r.files.missing.length ? [`${showCount(r.files.missing.length)} tệp văn bản kèm theo bị thiếu`] : []),
    ...(r.files.corrupt.length ? [`${showCount(r.files.corrupt.length)} tệp văn bản kèm theo bị hỏng`] : []),
  ];
  return `Phát hiện vấn đề — ${problems.join('; ')}. Hãy khôi phục từ bản sao lưu gần nhất (mục Sao lưu).`;
}

type Result = { readonly ok: boolean; readonly text: string };

// "Kiểm tra nhật ký" checks the hash chain; "Kiểm tra dữ liệu" also checks the database and every
// stored file against its hash.
export function ChecksPanel() {
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<Result>) => {
    setBusy(true);
    try {
      setResult(await what());
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-label="Kiểm tra">
      <div className="form__actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(async () => call('audit.verify', {}).then((r) => ({ ok: r.ok, text: verifyText(r) })))}
        >
          Kiểm tra nhật ký
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(async () => call('db.check', {}).then((r) => ({ ok: r.ok, text: checkText(r) })))}
        >
          Kiểm tra dữ liệu
        </button>
      </div>
      {result ? (
        <div data-testid="check-result">
          <Notice tone={result.ok ? 'success' : 'error'}>{result.text}</Notice>
        </div>
      ) : null}
    </section>
  );
}

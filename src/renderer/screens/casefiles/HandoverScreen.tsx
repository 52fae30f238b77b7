import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract.ts';
import type { PackageReportView } from '../../../shared/api/schemas/archive.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { type Printed, PrintedFile } from '../../components/PrintedFile.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate, showDateTime } from '../../util/dates.ts';
import { PackageReport } from './PackageReport.tsx';

type Written = OutputOf<'archive.writePackage'>;
type FormKind = 'list' | 'record';

const FORM_NAMES: Readonly<Record<FormKind, string>> = { list: 'Mục lục hồ sơ, tài liệu nộp lưu', record: 'Biên bản giao nhận hồ sơ, tài liệu' };

const person = (name: string, title: string | null, unit?: string | null) => [name, title, unit].filter(Boolean).join(', ');

// One handover to the agency archive (Art. 30–31): who gave and received which files, the
// Appendix V III and V forms, and the electronic package (Appendix VI III.5.c) written and checked.
export function HandoverScreen({ id }: { readonly id: number }) {
  const { navigate } = useApp();
  const query = useQuery(apiQuery('caseFiles.handover', { id }));
  const h = query.data;
  const [printed, setPrinted] = useState<{ kind: FormKind; file: Printed } | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [checked, setChecked] = useState<PackageReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useInFlight();

  if (!h) return <section className="screen">{query.error ? <Notice tone="error">{`Chưa tải được lần nộp lưu: ${errorMessage(query.error)}`}</Notice> : <p>Đang tải…</p>}</section>;
  const act = (work: () => Promise<void>) =>
    void run(async () => {
      setError(null);
      try {
        await work();
      } catch (err) {
        setError(errorMessage(err));
      }
    });
  const print = (kind: FormKind) =>
    act(async () => {
      setPrinted(null);
      setPrinted({ kind, file: await write('archive.printHandover', { handoverId: h.id, form: kind }) });
    });
  const writePackage = () =>
    act(async () => {
      setWritten(null);
      setChecked(null);
      setWritten(await write('archive.writePackage', { handoverId: h.id }));
    });
  const verify = (folderName: string) =>
    act(async () => {
      setChecked(null);
      setChecked(await write('archive.verifyPackage', { folderName }));
    });

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Lần nộp lưu {h.id}: hồ sơ năm {h.year}
        </h1>
        <button type="button" className="button" onClick={() => navigate({ name: 'case-files', year: h.year })}>
          Về danh mục năm {h.year}
        </button>
      </header>
      <dl className="fields">
        {(
          [
            ['Nộp lưu lúc', showDateTime(h.createdAt)],
            ['Bên giao', person(h.giverName, h.giverTitle, h.giverUnit)],
            ['Bên nhận (Lưu trữ cơ quan)', person(h.receiverName, h.receiverTitle)],
            ['Căn cứ', h.basis ?? `Danh mục hồ sơ năm ${h.year}`],
            ['Tình trạng tài liệu', h.condition],
            ['Mã SHA-256 của gói', h.packageSha256],
          ] as const
        )
          .filter(([, v]) => v)
          .map(([label, value]) => (
            <div key={label} className="fields__row">
              <dt>{label}</dt>
              <dd>{label === 'Mã SHA-256 của gói' ? <code>{value}</code> : value}</dd>
            </div>
          ))}
      </dl>
      <table className="table" data-testid="handover-files">
        <caption>Hồ sơ nộp lưu ({h.files.length})</caption>
        <thead>
          <tr>
            <th scope="col">Số và ký hiệu</th>
            <th scope="col">Tiêu đề hồ sơ</th>
            <th scope="col">Thời gian</th>
            <th scope="col">Thời hạn bảo quản</th>
            <th scope="col">Văn bản</th>
            <th scope="col">Trang</th>
          </tr>
        </thead>
        <tbody>
          {h.files.map((f) => (
            <tr key={f.id}>
              <td>{f.notation}</td>
              <td>
                <button type="button" className="link-button" onClick={() => navigate({ name: 'case-file', id: f.id })}>
                  {f.title}
                </button>
              </td>
              <td>
                {showDate(f.startDate)} – {showDate(f.endDate)}
              </td>
              <td>{f.retentionLabel}</td>
              <td>{f.docTotal}</td>
              <td>{f.pageTotal}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="panel" aria-labelledby="handover-forms-title">
        <h2 id="handover-forms-title">Biểu mẫu và gói nộp lưu</h2>
        <div className="stack">
          <div className="form__actions">
            <button type="button" className="button" disabled={busy} onClick={() => print('list')}>
              In mục lục hồ sơ nộp lưu
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => print('record')}>
              In biên bản giao nhận
            </button>
            <button type="button" className="button button--primary" disabled={busy} onClick={writePackage}>
              Lập gói nộp lưu điện tử
            </button>
            {written ? (
              <button type="button" className="button" disabled={busy} onClick={() => verify(written.folderName)}>
                Kiểm tra gói
              </button>
            ) : null}
          </div>
          {busy ? (
            <p className="muted" role="status">
              Đang làm, xin chờ…
            </p>
          ) : null}
          {error ? <Notice tone="error">{error}</Notice> : null}
          {printed ? <PrintedFile what={FORM_NAMES[printed.kind]} file={printed.file} testId="handover-printed" /> : null}
          {written ? (
            <>
              <p data-testid="package-written">
                Đã lập gói nộp lưu: {written.fileCount} hồ sơ, {written.documentCount} văn bản, trong thư mục <code>{written.path}</code>. Mã SHA-256 của bản kê
                (manifest): <code>{written.manifestSha256}</code>.
              </p>
              <PackageReport report={written.verification} title="Kiểm tra ngay khi lập" testId="package-written-check" />
            </>
          ) : null}
          {checked ? <PackageReport report={checked} title="Kiểm tra lại gói" testId="package-check" /> : null}
        </div>
      </section>
    </section>
  );
}

import { type FormEvent, useState } from 'react';
import type { ExportResult } from '../../../shared/api/schemas/books.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call, downloadExport, isBridgeMode } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { DateInput, SelectInput, TextInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { readDates } from '../../forms/dates-payload.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { label } from '../../forms/label.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { saveBlob } from '../../util/files.ts';
import { showBytes, showCount } from '../../util/format.ts';

const KINDS = [
  { value: 'incoming', label: 'Sổ đăng ký văn bản đến' },
  { value: 'outgoing', label: 'Sổ đăng ký văn bản đi' },
  { value: 'followup', label: 'Sổ theo dõi giải quyết văn bản đến' },
];
const FORMATS = [
  { value: 'pdf', label: 'PDF (để in)' },
  { value: 'xlsx', label: 'Excel (.xlsx)' },
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
];

type Kind = 'incoming' | 'outgoing' | 'followup';
type Format = 'pdf' | 'xlsx' | 'csv' | 'json';

// In/Xuất sổ: the register book of a year (or part of it) written to the profile's exports
// folder. In a browser the file is offered as a download, since the page cannot open it.
export function ExportPanel() {
  const { info } = useApp();
  const [kind, setKind] = useState('incoming');
  const [year, setYear] = useState(info.today.slice(0, 4));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [format, setFormat] = useState('pdf');
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { busy, run } = useInFlight();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setResult(null);
      setNote(null);
      const { dates, dateBoxes } = readDates({ from, to }, ['from', 'to']);
      try {
        const input = { kind: kind as Kind, year: Number(year), format: format as Format, ...(dates.from ? { from: dates.from } : {}), ...(dates.to ? { to: dates.to } : {}) };
        setResult(await call('books.export', input));
        setFailure(null);
      } catch (err) {
        setFailure(formFailure(err, ['kind', 'year', 'from', 'to', 'format'], dateBoxes));
      }
    });
  };

  const open = async (fileName: string) => {
    try {
      const { opened } = await call('books.openExport', { fileName });
      setNote(opened ? null : 'Không mở được tệp bằng chương trình của máy. Hãy tải tệp về hoặc mở trong thư mục đã lưu.');
    } catch (err) {
      setNote(errorMessage(err));
    }
  };

  const download = async (fileName: string) => {
    try {
      saveBlob(await downloadExport(fileName), fileName);
    } catch (err) {
      setNote(errorMessage(err));
    }
  };

  const errors = failure?.fieldErrors ?? {};
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">In, xuất sổ</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="Xuất sổ">
        <FormSummary failure={failure} />
        <div className="form__grid">
          <SelectInput label={label('kind')} name="kind" value={kind} onChange={setKind} options={KINDS} error={errors.kind} wide />
          <TextInput label={label('year')} name="year" value={year} onChange={setYear} error={errors.year} inputMode="numeric" />
          <DateInput label={label('from')} name="from" value={from} onChange={setFrom} error={errors.from} />
          <DateInput label={label('to')} name="to" value={to} onChange={setTo} error={errors.to} />
          <SelectInput label={label('format')} name="format" value={format} onChange={setFormat} options={FORMATS} error={errors.format} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang xuất…' : 'Xuất sổ'}
          </button>
        </div>
      </form>
      {result ? (
        <Notice tone="success">
          <p data-testid="export-result">
            Đã lưu {showCount(result.rows)} dòng ({showBytes(result.bytes)}) vào tệp <code>{result.path}</code>
          </p>
          <button type="button" className="button" onClick={() => void open(result.fileName)}>
            Mở
          </button>{' '}
          {isBridgeMode() ? (
            <button type="button" className="button" onClick={() => void download(result.fileName)}>
              Tải về {result.fileName}
            </button>
          ) : null}
        </Notice>
      ) : null}
      {note ? <Notice tone="info">{note}</Notice> : null}
    </section>
  );
}

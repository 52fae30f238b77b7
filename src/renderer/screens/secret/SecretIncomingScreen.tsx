import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';
import { issueLine } from '../signing/signing-words.ts';

const SECRECY = [
  { value: 'mat', label: 'Mật' },
  { value: 'toi-mat', label: 'Tối mật' },
  { value: 'tuyet-mat', label: 'Tuyệt mật' },
] as const;
type Secrecy = (typeof SECRECY)[number]['value'];
const secrecyName = (s: Secrecy) => SECRECY.find((x) => x.value === s)?.label ?? s;

const FIELDS = [
  ['issuingAgency', 'Cơ quan ban hành'],
  ['codeNumber', 'Số'],
  ['codeNotation', 'Ký hiệu'],
  ['documentType', 'Loại văn bản'],
  ['subject', 'Trích yếu'],
  ['recipientUnit', 'Đơn vị hoặc người nhận'],
] as const;
type FieldKey = (typeof FIELDS)[number][0];

// Văn bản mật đến (docs/copies.md "Secret paper documents"): the secret incoming register, kept
// apart from the ordinary one, its search and its books, and never sent. Only the register entry is
// kept here; the paper stays in the secret archive. The program refuses it on a machine the
// agency has not cleared, and says so.
export function SecretIncomingScreen() {
  const list = useQuery(apiQuery('secretIncoming.list', {}));
  const [secrecy, setSecrecy] = useState<Secrecy>('mat');
  const [values, setValues] = useState<Record<FieldKey, string>>({ issuingAgency: '', codeNumber: '', codeNotation: '', documentType: 'Công văn', subject: '', recipientUnit: '' });
  const [documentDate, setDocumentDate] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const { busy, run } = useInFlight();
  const ids = { secrecy: useId(), date: useId(), base: useId() };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setMessage(null);
      try {
        const made = await write('secretIncoming.register', { secrecy, ...values, recipientUnit: values.recipientUnit || null, documentDate });
        setMessage({ tone: 'success', text: `Đã vào sổ văn bản mật đến: số đến ${made.number}/${made.year} (${secrecyName(made.secrecy)}).` });
        setValues({ issuingAgency: '', codeNumber: '', codeNotation: '', documentType: 'Công văn', subject: '', recipientUnit: '' });
        setDocumentDate('');
      } catch (err) {
        setMessage({ tone: 'error', text: isApiError(err) && err.issues.length ? err.issues.map(issueLine).join(' ') : errorMessage(err) });
      }
    });
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Văn bản mật đến
        </h1>
      </header>
      <Notice tone="warning">
        Văn bản mật (Mật, Tối mật, Tuyệt mật) chỉ vào sổ ở đây khi máy đã được cơ quan cho phép: sổ riêng, không hiện trong sổ văn bản đến, không tìm kiếm, không in xuất sổ thường và không bao giờ gửi qua trục liên thông. Chỉ lưu thông tin vào sổ, không lưu bản quét.
      </Notice>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <form className="form form--boxed" onSubmit={submit} noValidate aria-label="Vào sổ văn bản mật đến">
        <div className="form__grid">
          <div className="field">
            <label htmlFor={ids.secrecy}>Độ mật</label>
            <select id={ids.secrecy} value={secrecy} disabled={busy} onChange={(e) => setSecrecy(e.target.value as Secrecy)}>
              {SECRECY.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          {FIELDS.map(([key, label]) => (
            <div key={key} className={`field${key === 'subject' ? ' field--wide' : ''}`}>
              <label htmlFor={`${ids.base}-${key}`}>{label}</label>
              <input id={`${ids.base}-${key}`} value={values[key]} disabled={busy} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
            </div>
          ))}
          <div className="field">
            <label htmlFor={ids.date}>Ngày văn bản</label>
            <input id={ids.date} type="date" value={documentDate} disabled={busy} onChange={(e) => setDocumentDate(e.target.value)} />
          </div>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang vào sổ…' : 'Vào sổ văn bản mật'}
          </button>
        </div>
      </form>
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {list.data && list.data.length > 0 ? (
        <table className="table" aria-label="Sổ văn bản mật đến">
          <thead>
            <tr>
              <th scope="col">Ngày đến</th>
              <th scope="col">Số đến</th>
              <th scope="col">Độ mật</th>
              <th scope="col">Tác giả</th>
              <th scope="col">Số, ký hiệu</th>
              <th scope="col">Ngày văn bản</th>
              <th scope="col">Tên loại và trích yếu</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((d) => (
              <tr key={d.id}>
                <td>{showDate(d.arrivalDate)}</td>
                <td>{d.number}</td>
                <td>{secrecyName(d.secrecy)}</td>
                <td>{d.issuingAgency}</td>
                <td>{`${d.codeNumber}/${d.codeNotation}`}</td>
                <td>{showDate(d.documentDate)}</td>
                <td>{`${d.documentTypeName}: ${d.subject}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

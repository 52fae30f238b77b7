import { type FormEvent, useState } from 'react';
import type { SeriesRecord } from '../../../shared/api/schemas/series.ts';
import { ADMINISTRATIVE_TYPES, COPY_TYPES } from '../../../shared/domain/document-types.ts';
import { write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { SelectInput, TextInput } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { label } from '../../forms/label.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';

const ISSUABLE = [...ADMINISTRATIVE_TYPES, ...COPY_TYPES];

interface SeriesEditorProps {
  readonly series: SeriesRecord | null;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

// One number series (sổ): which document types it numbers and the issuer abbreviation of its
// notation. Whether the scheme as a whole is valid is the server's call.
export function SeriesEditor({ series, onSaved, onCancel }: SeriesEditorProps) {
  const [name, setName] = useState(series?.name ?? '');
  const [direction, setDirection] = useState<string>(series?.direction ?? 'outgoing');
  const [types, setTypes] = useState<string[]>(series?.documentTypes ?? []);
  const [issuer, setIssuer] = useState(series?.issuerAbbreviation ?? '');
  const [secret, setSecret] = useState(series?.secret ?? false);
  const [active, setActive] = useState(series?.active ?? true);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  const initial = JSON.stringify([
    series?.name ?? '',
    series?.direction ?? 'outgoing',
    series?.documentTypes ?? [],
    series?.issuerAbbreviation ?? '',
    series?.secret ?? false,
    series?.active ?? true,
  ]);
  useUnsavedChanges(JSON.stringify([name, direction, types, issuer, secret, active]) !== initial);
  const isSecret = secret;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        await write('series.save', {
          ...(series ? { id: series.id } : {}),
          name,
          direction: direction as SeriesRecord['direction'],
          documentTypes: isSecret ? [] : types,
          issuerAbbreviation: issuer.trim() === '' ? null : issuer,
          secret: isSecret,
          active,
        });
        onSaved();
      } catch (err) {
        setFailure(formFailure(err, ['name', 'direction', 'documentTypes', 'issuerAbbreviation']));
      }
    });
  };

  const toggle = (key: string) => setTypes((t) => (t.includes(key) ? t.filter((k) => k !== key) : [...t, key]));
  return (
    <form className="form form--boxed" onSubmit={submit} noValidate aria-label="Sổ văn bản">
      <FormSummary failure={failure} />
      <div className="form__grid">
        <TextInput label="Tên sổ" name="name" value={name} onChange={setName} error={failure?.fieldErrors.name} required wide initialFocus />
        <SelectInput
          label={label('direction')}
          name="direction"
          value={direction}
          onChange={setDirection}
          options={[
            { value: 'outgoing', label: 'Văn bản đi' },
            { value: 'incoming', label: 'Văn bản đến' },
          ]}
        />
        <TextInput
          label={label('issuerAbbreviation')}
          name="issuerAbbreviation"
          value={issuer}
          onChange={setIssuer}
          error={failure?.fieldErrors.issuerAbbreviation}
          hint="Để trống: dùng chữ viết tắt của cơ quan"
        />
      </div>
      <label className="checkbox">
        {/* Fixed once the series exists: a register keeps one kind of document throughout. */}
        <input type="checkbox" checked={secret} disabled={series !== null} onChange={(e) => setSecret(e.target.checked)} />
        {direction === 'outgoing'
          ? 'Sổ văn bản mật: đánh số riêng mọi văn bản Mật, Tối mật, Tuyệt mật (ký hiệu thêm "-M")'
          : 'Sổ văn bản mật đến: văn bản mật bản giấy, ngoài sổ văn bản đến thường, không tìm kiếm, không xuất sổ'}
      </label>
      {direction === 'outgoing' && !isSecret ? (
        <fieldset className="type-picker">
          <legend>{label('documentTypes')} (không chọn: sổ chung cho các loại còn lại)</legend>
          {ISSUABLE.map((t) => (
            <label key={t.key} className="checkbox">
              <input type="checkbox" checked={types.includes(t.key)} onChange={() => toggle(t.key)} />
              {t.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        Đang dùng
      </label>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu sổ'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Thôi
        </button>
      </div>
    </form>
  );
}

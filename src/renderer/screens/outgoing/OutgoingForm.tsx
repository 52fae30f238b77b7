import { type FormEvent, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { submitOnCtrlEnter } from '../../forms/ctrl-enter.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { showDate } from '../../util/dates.ts';
import { filesToUploads } from '../../util/files.ts';
import { emptyOutgoing, OUTGOING_FIELDS, type OutgoingValues, toOutgoingInput } from './outgoing-values.ts';
import { OutgoingFields } from './OutgoingFields.tsx';
import { type NumberPreview, useNumberPreview } from './use-number-preview.ts';

function PreviewBox({ preview }: { readonly preview: NumberPreview | null }) {
  if (!preview) return null;
  if (!preview.ok) return <p className="preview preview--problem">{preview.message}</p>;
  const p = preview.value;
  return (
    <p className="preview" data-testid="number-preview">
      Số sẽ cấp: <strong>{`${p.codeNumber}/${p.codeNotation}`}</strong> — {p.seriesName}, năm {p.year} <em>(chưa giữ số)</em>
    </p>
  );
}

// Cấp số văn bản đi: the number is assigned by the server when the registration commits.
export function OutgoingForm() {
  const { info, profile, navigate } = useApp();
  const form = useForm<OutgoingValues>(emptyOutgoing(info.today));
  const [files, setFiles] = useState<File[]>([]);
  const [fileBox, setFileBox] = useState(0);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState<DocumentRecord | null>(null);
  const [saving, setSaving] = useState(false);
  const { values, errors, set } = form;
  const preview = useNumberPreview(values.documentType, values.documentDate, values.unitAbbreviation, saved?.id);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaved(null);
    const { input, badDates } = toOutgoingInput(values, await filesToUploads(files));
    try {
      const record = await call('outgoing.register', input);
      setSaved(record);
      setFailure(null);
      // The next document is often of the same kind and signed by the same person.
      const { documentType, unitAbbreviation, signerName, signerPosition, signerCompetence } = values;
      form.reset({ ...emptyOutgoing(info.today), documentType, unitAbbreviation, signerName, signerPosition, signerCompetence });
      setFiles([]);
      setFileBox((n) => n + 1);
    } catch (err) {
      const f = formFailure(err, OUTGOING_FIELDS, badDates);
      setFailure(f);
      form.setErrors(f.fieldErrors);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title">Cấp số văn bản đi</h1>
      </header>
      {saved ? (
        <Notice tone="success">
          <span data-testid="saved-outgoing">
            Đã cấp số: {saved.codeNumber}/{saved.codeNotation}, ngày {showDate(saved.documentDate)}
          </span>{' '}
          <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: saved.id })}>
            Xem văn bản
          </button>
        </Notice>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Cấp số văn bản đi" onKeyDown={submitOnCtrlEnter}>
        <FormSummary failure={failure} />
        <PreviewBox preview={preview} />
        <OutgoingFields values={values} errors={errors} set={set} units={profile?.units ?? []} />
        <FilePicker key={fileBox} label="Tệp đính kèm (bản điện tử của văn bản)" files={files} onChange={setFiles} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Đang cấp số…' : 'Cấp số (Enter)'}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'list', direction: 'outgoing' })}>
            Về sổ văn bản đi
          </button>
        </div>
      </form>
    </section>
  );
}

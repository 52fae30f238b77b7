import { type FormEvent, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { ApiError } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { submitOnCtrlEnter } from '../../forms/ctrl-enter.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { filesToUploads } from '../../util/files.ts';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { emptyIncoming, INCOMING_FIELDS, type IncomingValues, toIncomingInput } from './incoming-values.ts';
import { IncomingFields } from './IncomingFields.tsx';
import { useDuplicateCheck } from './use-duplicate-check.ts';

// Vào sổ văn bản đến. The số đến comes from the server when the registration is durable; the
// form says "Đã vào sổ" only then.
export function IncomingForm() {
  const { info, profile, navigate } = useApp();
  const form = useForm<IncomingValues>(emptyIncoming(info.today));
  const [files, setFiles] = useState<File[]>([]);
  const [fileBox, setFileBox] = useState(0);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState<DocumentRecord | null>(null);
  const [saving, setSaving] = useState(false);
  const { values, errors, set } = form;
  const duplicates = useDuplicateCheck(values.issuingAgency, values.codeNumber, values.codeNotation);

  const save = async (allowDuplicate: boolean) => {
    setSaving(true);
    setSaved(null);
    const { input, badDates } = toIncomingInput(values, await filesToUploads(files), allowDuplicate);
    try {
      const record = await call('incoming.register', input);
      setSaved(record);
      setFailure(null);
      duplicates.setMatches([]);
      form.reset({ ...emptyIncoming(info.today), arrivalDate: values.arrivalDate });
      setFiles([]);
      setFileBox((n) => n + 1);
      document.querySelector<HTMLInputElement>('input[name="issuingAgency"]')?.focus();
    } catch (e) {
      // The duplicate panel shows the matches and the way on; a second alert would only repeat it.
      const duplicate = e instanceof ApiError && e.code === 'DUPLICATE_SUSPECTED';
      if (duplicate) duplicates.setMatches(e.duplicates);
      const f = duplicate ? null : formFailure(e, INCOMING_FIELDS, badDates);
      setFailure(f);
      form.setErrors(f?.fieldErrors ?? {});
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title">Vào sổ văn bản đến</h1>
      </header>
      {saved ? (
        <Notice tone="success">
          <span data-testid="saved-incoming">
            Đã vào sổ: số đến {saved.number}/{saved.year}
          </span>{' '}
          <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: saved.id })}>
            Xem văn bản
          </button>
        </Notice>
      ) : null}
      <form
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-label="Vào sổ văn bản đến"
        onKeyDown={submitOnCtrlEnter}
      >
        <FormSummary failure={failure} />
        {duplicates.matches.length > 0 ? (
          <DuplicateWarning matches={duplicates.matches} saving={saving} onRegisterAnyway={() => void save(true)} />
        ) : null}
        <IncomingFields values={values} errors={errors} set={set} unitNames={profile?.units.map((u) => u.name) ?? []} />
        <FilePicker key={fileBox} label="Tệp đính kèm" files={files} onChange={setFiles} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Đang vào sổ…' : 'Vào sổ (Enter)'}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'list', direction: 'incoming' })}>
            Về sổ văn bản đến
          </button>
        </div>
      </form>
    </section>
  );
}

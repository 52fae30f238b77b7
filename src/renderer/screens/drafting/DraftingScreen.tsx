import { type FormEvent, useEffect, useState } from 'react';
import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import type { CorrectionOf } from '../../app/routes.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { SelectInput, TextInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { filesToUploads } from '../../util/files.ts';
import { DraftFields } from './DraftFields.tsx';
import { DraftPreview } from './DraftPreview.tsx';
import { DRAFT_TYPE_OPTIONS, type DraftValues, templateFor, toDraftInput } from './draft-values.ts';
import { ImportPdfForm } from './ImportPdfForm.tsx';
import { operationErrors, type RecipientValue, RecipientsEditor, toRecipients } from './RecipientsEditor.tsx';
import { useDraftPreview } from './use-draft-preview.ts';

type Mode = 'draft' | 'import';

// Soạn thảo: a draft written in the app with its live preview ("Tạo văn bản" stores it as a new
// document of the issuance workflow), or a PDF made elsewhere ("Nhập PDF"). A correction of an
// issued document is made from a PDF only (issuance.correct takes the import form's fields).
export function DraftingScreen({ correction }: { readonly correction?: CorrectionOf | undefined }) {
  const [mode, setMode] = useState<Mode>('draft');
  if (correction) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        <header className="screen__header">
          <h1 id="screen-title" tabIndex={-1}>
            Văn bản sửa đổi, thay thế, đính chính
          </h1>
        </header>
        <ImportPdfForm correction={correction} />
      </section>
    );
  }
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Soạn thảo văn bản
        </h1>
        <div className="mode-switch" role="group" aria-label="Cách tạo văn bản">
          <button type="button" className="button" aria-pressed={mode === 'draft'} onClick={() => setMode('draft')}>
            Soạn trong chương trình
          </button>
          <button type="button" className="button" aria-pressed={mode === 'import'} onClick={() => setMode('import')}>
            Nhập PDF
          </button>
        </div>
      </header>
      {mode === 'draft' ? <DraftForm /> : <ImportPdfForm />}
    </section>
  );
}

function DraftForm() {
  const { profile, navigate } = useApp();
  const [values, setValues] = useState<DraftValues>(() => templateFor('cong-van'));
  const [recipients, setRecipients] = useState<RecipientValue[]>([{ name: '', organId: '' }]);
  const [archive, setArchive] = useState('');
  const [notes, setNotes] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [dirty, setDirty] = useState(false);
  const [submitErrors, setSubmitErrors] = useState<{ other: Record<string, string>; message: string } | null>(null);
  const [created, setCreated] = useState<IssuanceRecord | null>(null);
  const { busy, run } = useInFlight();
  const preview = useDraftPreview(values);
  useUnsavedChanges(dirty);

  // Leave for the new document only once the form no longer counts as unsaved.
  useEffect(() => {
    if (created && !dirty) navigate({ name: 'issuance', id: created.id });
  }, [created, dirty, navigate]);

  const set = (patch: Partial<DraftValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setDirty(true);
  };
  const touch = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setDirty(true);
  };

  // The draft's field messages come from the preview, which renders the same draft the create
  // step would (and keeps them until its next answer); "Tạo văn bản" adds those about the
  // recipients, the archive and the files.
  const errors = preview.errors;
  const other = submitErrors?.other ?? {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setSubmitErrors(null);
      try {
        const record = await write('issuance.createFromDraft', {
          draft: toDraftInput(values),
          recipients: toRecipients(recipients),
          archive: archive.trim() === '' ? null : archive,
          notes: notes.trim() === '' ? null : notes,
          attachments: await filesToUploads(files),
        });
        setDirty(false);
        setCreated(record);
      } catch (err) {
        const issues = isApiError(err) ? err.issues : [];
        setSubmitErrors({ other: operationErrors(issues), message: errorMessage(err) });
      }
    });
  };

  return (
    <div className="drafting">
      <form className="form drafting__form" onSubmit={onSubmit} noValidate aria-label="Soạn thảo văn bản">
        <SelectInput
          label="Loại văn bản"
          name="documentType"
          value={values.documentType}
          options={DRAFT_TYPE_OPTIONS}
          onChange={(documentType) => {
            setValues(templateFor(documentType));
            setDirty(true);
          }}
          hint="Đổi loại sẽ nạp mẫu của loại đó (nội dung đang soạn được thay)."
          initialFocus
        />
        {submitErrors ? (
          <Notice tone="error">
            <p>{submitErrors.message}</p>
          </Notice>
        ) : null}
        <DraftFields values={values} set={set} errors={errors} units={profile?.units ?? []} />
        <RecipientsEditor items={recipients} onChange={touch(setRecipients)} errors={other} />
        <div className="form__grid">
          <TextInput label="Đơn vị, người nhận bản lưu" name="archive" value={archive} onChange={touch(setArchive)} error={other.archive} hint='Ví dụ "VT, VP"; để trống: VT' />
          <TextInput label="Ghi chú" name="notes" value={notes} onChange={touch(setNotes)} error={other.notes} />
        </div>
        <FilePicker label="Phụ lục, văn bản kèm theo riêng (PDF)" files={files} onChange={touch(setFiles)} accept="application/pdf,.pdf" error={other.attachments} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang tạo văn bản…' : 'Tạo văn bản (Ctrl+Enter)'}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'issuance' })}>
            Về danh sách phát hành
          </button>
        </div>
      </form>
      <DraftPreview preview={preview} />
    </div>
  );
}

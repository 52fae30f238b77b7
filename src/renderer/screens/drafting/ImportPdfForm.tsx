import { type FormEvent, useEffect, useState } from 'react';
import { CORRECTION_RELATIONS, type CorrectionRelation, type IssuanceRecord, type Secrecy, SECRECY_LEVELS } from '../../../shared/api/schemas/issuance.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import type { CorrectionOf } from '../../app/routes.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { fileToBase64, filesToUploads } from '../../util/files.ts';
import { PRIORITY_OPTIONS } from '../../util/labels.ts';
import { RELATION_NAMES, SECRECY_NAMES } from '../issuance/issuance-words.ts';
import { DRAFT_TYPE_OPTIONS } from './draft-values.ts';
import { operationErrors, type RecipientValue, RecipientsEditor, toRecipients } from './RecipientsEditor.tsx';

const EMPTY = {
  documentType: 'cong-van',
  unitAbbreviation: '',
  subject: '',
  signerCompetence: '',
  signerPosition: '',
  signerName: '',
  priority: 'thuong',
  secrecy: 'none' as Secrecy,
  relation: 'amends' as CorrectionRelation,
  archive: '',
  notes: '',
};
type ImportValues = typeof EMPTY;

const orNull = (s: string) => (s.trim() === '' ? null : s);

// Word and LibreOffice files are converted to PDF on the server side when LibreOffice is
// installed; otherwise the server says so (docs/drafting.md).
const DRAFT_FILE_TYPES = 'application/pdf,.pdf,.docx,.doc,.odt,.rtf';
// issuance.correct stores the files as given: PDF only.
const PDF_TYPES = 'application/pdf,.pdf';

const SECRECY_OPTIONS = SECRECY_LEVELS.map((s) => ({ value: s, label: SECRECY_NAMES[s] }));
const RELATION_OPTIONS = CORRECTION_RELATIONS.map((r) => ({ value: r, label: RELATION_NAMES[r] }));

// Nhập PDF: a draft made in another program, carried through the same workflow. The document's
// fields are typed here (the PDF is not read for them); the number and date go where the
// signing defaults put them (after "Số:" and the place on page 1). With `correction`, the new
// document amends, replaces or corrects that issued one (issuance.correct).
export function ImportPdfForm({ correction }: { readonly correction?: CorrectionOf }) {
  const { profile, navigate } = useApp();
  const [values, setValues] = useState<ImportValues>(EMPTY);
  const [recipients, setRecipients] = useState<RecipientValue[]>([{ name: '', organId: '' }]);
  const [main, setMain] = useState<File[]>([]);
  const [attachments, setAttachments] = useState<File[]>([]);
  const [dirty, setDirty] = useState(false);
  const [failure, setFailure] = useState<{ message: string; errors: Record<string, string> } | null>(null);
  const [created, setCreated] = useState<IssuanceRecord | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(dirty);
  useEffect(() => {
    if (created && !dirty) navigate({ name: 'issuance', id: created.id });
  }, [created, dirty, navigate]);

  const set = (patch: Partial<ImportValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setDirty(true);
  };
  const errors = failure?.errors ?? {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setFailure(null);
      try {
        const [file] = main;
        if (!file) {
          setFailure({ message: 'Chưa chọn tệp của văn bản.', errors: { main: 'Chọn tệp PDF (hoặc Word/ODT) của văn bản.' } });
          return;
        }
        const fields = {
          documentType: values.documentType,
          unitAbbreviation: orNull(values.unitAbbreviation),
          subject: values.subject,
          signerName: values.signerName,
          signerPosition: orNull(values.signerPosition),
          signerCompetence: orNull(values.signerCompetence),
          priority: values.priority as 'thuong',
          secrecy: values.secrecy,
          recipients: toRecipients(recipients),
          archive: orNull(values.archive),
          notes: orNull(values.notes),
          main: { name: file.name, dataBase64: await fileToBase64(file) },
          attachments: await filesToUploads(attachments),
        };
        const record = correction
          ? await write('issuance.correct', { ...fields, originalDocumentId: correction.documentId, relation: values.relation })
          : await write('issuance.create', fields);
        setDirty(false);
        setCreated(record);
      } catch (err) {
        setFailure({ message: errorMessage(err), errors: isApiError(err) ? operationErrors(err.issues) : {} });
      }
    });
  };

  return (
    <form className="form form--boxed" onSubmit={onSubmit} noValidate aria-label={correction ? 'Văn bản sửa đổi, thay thế, đính chính' : 'Nhập PDF'}>
      {failure ? <Notice tone="error">{failure.message}</Notice> : null}
      {correction ? (
        <>
          <Notice tone="info">
            <p data-testid="correction-original">
              {RELATION_NAMES[values.relation]} văn bản: <strong>{correction.label}</strong>
            </p>
            <p>Văn bản sửa đổi, thay thế, đính chính được tạo từ tệp PDF soạn sẵn, với các thông tin dưới đây; sau đó đi qua trình ký, ký duyệt, cấp số và phát hành như mọi văn bản.</p>
          </Notice>
          <SelectInput
            label="Quan hệ với văn bản gốc"
            name="relation"
            value={values.relation}
            options={RELATION_OPTIONS}
            onChange={(relation) => set(relation === 'corrects' ? { relation: relation as CorrectionRelation, documentType: 'cong-van' } : { relation: relation as CorrectionRelation })}
            error={errors.relation ?? errors.originalDocumentId}
            hint="Sai sót về nội dung: sửa đổi, bổ sung hoặc thay thế. Sai sót về thể thức, kỹ thuật trình bày: đính chính bằng công văn."
          />
        </>
      ) : null}
      <FilePicker
        label={correction ? 'Tệp của văn bản (dự thảo): PDF' : 'Tệp của văn bản (dự thảo): PDF, hoặc Word/ODT nếu máy có LibreOffice'}
        files={main}
        onChange={(f) => { setMain(f); setDirty(true); }}
        multiple={false}
        accept={correction ? PDF_TYPES : DRAFT_FILE_TYPES}
        error={errors.main}
      />
      <div className="form__grid">
        <SelectInput label="Loại văn bản" name="documentType" value={values.documentType} options={DRAFT_TYPE_OPTIONS} onChange={(documentType) => set({ documentType })} error={errors.documentType} />
        <TextInput label="Đơn vị soạn thảo" name="unitAbbreviation" value={values.unitAbbreviation} onChange={(unitAbbreviation) => set({ unitAbbreviation })} error={errors.unitAbbreviation} list="import-units" />
        <datalist id="import-units">
          {(profile?.units ?? []).map((u) => (
            <option key={u.abbreviation} value={u.abbreviation}>
              {u.name}
            </option>
          ))}
        </datalist>
        <TextArea label="Trích yếu" name="subject" value={values.subject} onChange={(subject) => set({ subject })} error={errors.subject} rows={2} required submitOnEnter />
        <TextInput label="Thẩm quyền ký" name="signerCompetence" value={values.signerCompetence} onChange={(signerCompetence) => set({ signerCompetence })} error={errors.signerCompetence} hint="Ví dụ TM. Ủy ban nhân dân" />
        <TextInput label="Chức vụ người ký" name="signerPosition" value={values.signerPosition} onChange={(signerPosition) => set({ signerPosition })} error={errors.signerPosition} />
        <TextInput label="Người ký" name="signerName" value={values.signerName} onChange={(signerName) => set({ signerName })} error={errors.signerName} required />
        <SelectInput label="Độ khẩn" name="priority" value={values.priority} options={PRIORITY_OPTIONS} onChange={(priority) => set({ priority })} error={errors.priority} />
        <SelectInput label="Độ mật" name="secrecy" value={values.secrecy} options={SECRECY_OPTIONS} onChange={(secrecy) => set({ secrecy: secrecy as Secrecy })} error={errors.secrecy} />
      </div>
      <RecipientsEditor items={recipients} onChange={(r) => { setRecipients(r); setDirty(true); }} errors={errors} />
      <div className="form__grid">
        <TextInput label="Đơn vị, người nhận bản lưu" name="archive" value={values.archive} onChange={(archive) => set({ archive })} error={errors.archive} hint='Ví dụ "VT, VP"; để trống: VT' />
        <TextInput label="Ghi chú" name="notes" value={values.notes} onChange={(notes) => set({ notes })} error={errors.notes} />
      </div>
      <FilePicker label={correction ? 'Phụ lục, văn bản kèm theo riêng (PDF)' : 'Phụ lục, văn bản kèm theo riêng (PDF, Word, ODT)'} files={attachments} onChange={(f) => { setAttachments(f); setDirty(true); }} accept={correction ? PDF_TYPES : DRAFT_FILE_TYPES} error={errors.attachments} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Đang tạo văn bản…' : 'Tạo văn bản (Ctrl+Enter)'}
        </button>
      </div>
    </form>
  );
}

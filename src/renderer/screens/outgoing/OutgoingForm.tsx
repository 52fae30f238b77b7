import type { FormEvent } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useRegistration } from '../../forms/use-registration.ts';
import { showDate } from '../../util/dates.ts';
import { emptyOutgoing, OUTGOING_DATE_FIELDS, OUTGOING_FIELDS, type OutgoingValues, toOutgoingInput } from './outgoing-values.ts';
import { OutgoingFields } from './OutgoingFields.tsx';
import { type NumberPreview, useNumberPreview } from './use-number-preview.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

function PreviewBox({ preview }: { readonly preview: NumberPreview | null }) {
  if (!preview) return null;
  if (!preview.ok) return <p className="preview preview--problem">{preview.message}</p>;
  const p = preview.value;
  return (
    <p className="preview" data-testid="number-preview">
      Số sẽ cấp: <strong>{numberNotation(p)}</strong> — {p.seriesName}, năm {p.year} <em>(chưa giữ số)</em>
    </p>
  );
}

// Cấp số văn bản đi: the number is assigned by the server when the registration commits.
export function OutgoingForm() {
  const { profile, navigate } = useApp();
  const form = useRegistration<OutgoingValues, DocumentRecord>({
    initial: emptyOutgoing(),
    fields: OUTGOING_FIELDS,
    dateFields: OUTGOING_DATE_FIELDS,
    // The next document is often of the same kind and signed by the same person.
    next: ({ documentType, unitAbbreviation, signerName, signerPosition, signerCompetence }) => ({
      ...emptyOutgoing(),
      documentType,
      unitAbbreviation,
      signerName,
      signerPosition,
      signerCompetence,
    }),
  });
  const { values, errors, set, saved, busy } = form;
  const preview = useNumberPreview(values.documentType, values.documentDate, values.unitAbbreviation);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.save((v, attachments) => write('outgoing.register', toOutgoingInput(v, attachments)));
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Cấp số văn bản đi
        </h1>
      </header>
      {saved ? (
        <Notice tone="success">
          <span data-testid="saved-outgoing">
            Đã cấp số: {numberNotation(saved)}, ngày {showDate(saved.documentDate)}
          </span>{' '}
          <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: saved.id })}>
            Xem văn bản
          </button>
        </Notice>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Cấp số văn bản đi">
        <FormSummary failure={form.failure} />
        <PreviewBox preview={preview} />
        <OutgoingFields values={values} errors={errors} set={set} units={profile?.units ?? []} />
        <FilePicker key={form.fileBox} label="Văn bản kèm theo (bản điện tử của văn bản)" files={form.files} onChange={form.setFiles} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang cấp số…' : 'Cấp số (Enter)'}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'list', direction: 'outgoing' })}>
            Về sổ văn bản đi
          </button>
        </div>
      </form>
    </section>
  );
}

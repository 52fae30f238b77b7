import { type FocusEvent, type FormEvent, useState } from 'react';
import { PREFILL_FIELDS, type PrefillField } from '../../../shared/api/schemas/prefill.ts';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { ApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useRegistration } from '../../forms/use-registration.ts';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { emptyIncoming, INCOMING_DATE_FIELDS, INCOMING_FIELDS, type IncomingValues, toIncomingInput } from './incoming-values.ts';
import { IncomingFields } from './IncomingFields.tsx';
import { pendingFields, proposedText } from './proposal-values.ts';
import { ProposalNotice } from './ProposalNotice.tsx';
import { ScanPreview } from './ScanPreview.tsx';
import { useProposals } from './use-proposals.ts';
import { useDuplicateCheck } from './use-duplicate-check.ts';

// Vào sổ văn bản đến. The số đến comes from the server when the registration is durable; the
// form says "Đã vào sổ" only then. Each Ctrl+N (or Alt+N) mounts a new form (ScreenView's key).
export function IncomingForm() {
  const { profile, navigate } = useApp();
  const form = useRegistration<IncomingValues, DocumentRecord>({
    initial: emptyIncoming(),
    fields: INCOMING_FIELDS,
    dateFields: INCOMING_DATE_FIELDS,
    // Mail is registered in batches as it arrives: a Ngày đến typed for one keeps for the next.
    next: (v) => ({ ...emptyIncoming(), arrivalDate: v.arrivalDate }),
    onSaved: () => {
      proposals.clear();
      document.querySelector<HTMLInputElement>('input[name="issuingAgency"]')?.focus();
    },
    // The duplicate panel shows the matches and the way on; a second alert would only repeat it.
    onRefused: (e) => {
      if (!(e instanceof ApiError && e.code === 'DUPLICATE_SUSPECTED')) return false;
      duplicates.refused(e.duplicates);
      return true;
    },
  });
  const { values, errors, set, saved, busy } = form;
  // Used by the callbacks above, which run only after a save, once this is set.
  const duplicates = useDuplicateCheck(values);
  const proposals = useProposals();
  const proposed = proposals.state?.result?.proposals;
  const pending = pendingFields(values, proposed);
  const acceptAll = () => {
    for (const f of pending) {
      const p = proposed?.[f];
      if (p) set(f)(proposedText(f, p.value));
    }
  };
  // Choosing files reads the first PDF or scan among them for proposals (never fills a box by
  // itself). A scan is recognised offline; its searchable PDF is kept beside it when asked.
  const [searchablePdf, setSearchablePdf] = useState(true);
  const chooseFiles = (files: File[]) => {
    form.setFiles(files);
    void proposals.propose(files, { searchablePdf });
  };
  // The field the clerk is in, to mark its words on the scan; a button (Dùng, Vào sổ) keeps it.
  const [activeField, setActiveField] = useState<PrefillField | null>(null);
  const onFocus = (e: FocusEvent<HTMLFormElement>) => {
    if (e.target instanceof HTMLButtonElement) return;
    const name = e.target.getAttribute('name');
    setActiveField(PREFILL_FIELDS.find((f) => f === name) ?? null);
  };
  const scan = proposals.state?.scan;

  const save = (allowDuplicate: boolean) => form.save((v, attachments) => write('incoming.register', toIncomingInput(v, attachments, allowDuplicate)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Vào sổ văn bản đến
        </h1>
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
      <form className="form" onSubmit={onSubmit} onFocus={onFocus} noValidate aria-label="Vào sổ văn bản đến">
        <FormSummary failure={form.failure} />
        {duplicates.matches.length > 0 ? <DuplicateWarning matches={duplicates.matches} saving={busy} onRegisterAnyway={() => void save(true)} /> : null}
        <FilePicker key={form.fileBox} label="Văn bản kèm theo" files={form.files} onChange={chooseFiles} />
        <label className="checkbox">
          <input type="checkbox" checked={searchablePdf} disabled={scan?.status === 'running'} onChange={(e) => setSearchablePdf(e.target.checked)} />
          Khi nhận dạng bản quét, lưu kèm bản PDF tìm kiếm được chữ (ảnh quét giữ nguyên)
        </label>
        {proposals.state ? <ProposalNotice state={proposals.state} pending={pending.length} onAcceptAll={acceptAll} onCancelScan={proposals.cancel} /> : null}
        {scan?.status === 'done' && proposed ? <ScanPreview scan={scan} proposals={proposed} activeField={activeField} /> : null}
        <IncomingFields values={values} errors={errors} set={set} unitNames={profile?.units.map((u) => u.name) ?? []} proposals={proposed} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang vào sổ…' : 'Vào sổ (Enter)'}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'list', direction: 'incoming' })}>
            Về sổ văn bản đến
          </button>
        </div>
      </form>
    </section>
  );
}

import { type FormEvent, useId, useRef, useState } from 'react';
import type { CopyRecord } from '../../../shared/api/schemas/copies.ts';
import { type CopyForm, type CopyKind, needsExcerptFile } from '../../../shared/domain/copy-rules.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { fileToBase64 } from '../../util/files.ts';
import { issueLine } from '../signing/signing-words.ts';
import { TokenPinFields } from '../signing/TokenPinFields.tsx';
import { useTokenChoice } from '../signing/use-token-choice.ts';
import { optionName } from './copy-words.ts';

interface CopyDialogProps {
  readonly documentId: number;
  readonly source: { readonly sha256: string; readonly name: string };
  readonly kind: CopyKind;
  readonly form: CopyForm;
  readonly basis: string;
  readonly onClose: () => void;
  readonly onDone: (copy: CopyRecord) => void;
}

// Lập bản sao: an electronic copy is signed with the agency's token (the PIN read from its box
// and the box emptied as the call starts); a paper copy gets the Mẫu 3.1 block with who signs it
// by hand and Nơi nhận. A trích sao takes the excerpt made again, as a PDF.
export function CopyDialog({ documentId, source, kind, form, basis, onClose, onDone }: CopyDialogProps) {
  const title = `Lập ${optionName(kind, form)}: ${source.name}`;
  const [excerpt, setExcerpt] = useState<File[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const pin = useRef<HTMLInputElement>(null);
  const { busy, run } = useInFlight();
  const choice = useTokenChoice();
  const ids = { competence: useId(), position: useId(), name: useId(), recipients: useId() };
  const [signer, setSigner] = useState({ competence: '', position: '', name: '', recipients: '' });
  const electronic = form === 'electronic';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = choice.pinPad ? null : (pin.current?.value ?? '');
    if (pin.current) pin.current.value = '';
    void run(async () => {
      setFailure(null);
      try {
        const file = excerpt[0];
        const common = {
          documentId,
          sourceSha256: source.sha256,
          kind,
          excerpt: needsExcerptFile(kind) && file ? { name: file.name, dataBase64: await fileToBase64(file) } : null,
        };
        let copy: CopyRecord;
        if (electronic) {
          const { chosen, certificate } = choice;
          if (!chosen || !certificate) return;
          copy = await write('copies.makeElectronic', { ...common, modulePath: chosen.modulePath, tokenSerial: chosen.token.serialNumber, certificateId: certificate.id, pin: typed });
        } else {
          copy = await write('copies.makePaper', {
            ...common,
            signerCompetence: signer.competence || null,
            signerPosition: signer.position,
            signerName: signer.name,
            recipients: signer.recipients.split('\n').map((l) => l.trim()).filter(Boolean),
          });
        }
        onDone(copy);
      } catch (err) {
        setFailure(isApiError(err) && err.issues.length ? err.issues.map(issueLine).join(' ') : errorMessage(err));
        if (isApiError(err) && (err.code === 'PIN_REJECTED' || err.code === 'TOKEN_UNAVAILABLE')) choice.loadTokens();
      }
    });
  };

  return (
    <Dialog title={title} onClose={onClose} closable={!busy}>
      <form className="form" onSubmit={submit} noValidate aria-label={title}>
        <p className="muted">Căn cứ: {basis}. Bản sao được cấp số trong Sổ bản sao văn bản.</p>
        {needsExcerptFile(kind) ? (
          <FilePicker label="Phần trích (PDF tạo lập lại đầy đủ thể thức)" accept=".pdf,application/pdf" multiple={false} files={excerpt} disabled={busy} onChange={setExcerpt} />
        ) : null}
        {electronic ? (
          <TokenPinFields choice={choice} busy={busy} pinDisabled={busy || !choice.usable} pinRef={pin} />
        ) : (
          <>
            <div className="field field--wide">
              <label htmlFor={ids.competence}>Thẩm quyền ký (TL., KT., TM. …)</label>
              <input id={ids.competence} value={signer.competence} disabled={busy} onChange={(e) => setSigner({ ...signer, competence: e.target.value })} />
            </div>
            <div className="field field--wide">
              <label htmlFor={ids.position}>Chức vụ người ký</label>
              <input id={ids.position} value={signer.position} disabled={busy} onChange={(e) => setSigner({ ...signer, position: e.target.value })} />
            </div>
            <div className="field field--wide">
              <label htmlFor={ids.name}>Họ và tên người ký</label>
              <input id={ids.name} value={signer.name} disabled={busy} onChange={(e) => setSigner({ ...signer, name: e.target.value })} />
            </div>
            <div className="field field--wide">
              <label htmlFor={ids.recipients}>Nơi nhận (mỗi dòng một nơi)</label>
              <textarea id={ids.recipients} rows={3} value={signer.recipients} disabled={busy} onChange={(e) => setSigner({ ...signer, recipients: e.target.value })} />
            </div>
          </>
        )}
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || (electronic && !choice.usable)}>
            {busy ? 'Đang lập bản sao…' : electronic ? 'Ký số và cấp số bản sao' : 'Cấp số và tạo bản in'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { SignResult } from '../../../shared/api/schemas/signing.ts';
import { SIGNATURE_KIND_NAMES, SIGNATURE_KINDS, type SignatureKind } from '../../../shared/domain/signature-kinds.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { BatchList, type SignFile } from './BatchList.tsx';
import { PagePreview, type Placement } from './PagePreview.tsx';
import { issueLine } from './signing-words.ts';
import { TokenPinFields } from './TokenPinFields.tsx';
import { useTokenChoice } from './use-token-choice.ts';

interface SignDialogProps {
  readonly files: readonly SignFile[];
  readonly defaultKind: SignatureKind;
  readonly onClose: () => void;
  // Some file was signed: the document's list of files has new entries.
  readonly onSigned: () => void;
}

const fileKey = (f: Pick<SignFile, 'documentId' | 'sha256'>) => `${f.documentId}:${f.sha256}`;

// Ký số: kind, token and certificate, the PIN (after what the token says about it), the page with
// the signature placed and movable, and the batch with one result per file. The PIN lives only in
// the password box and is read from it, and the box emptied, at the moment the call is made.
export function SignDialog({ files, defaultKind, onClose, onSigned }: SignDialogProps) {
  const [kind, setKind] = useState<SignatureKind>(defaultKind);
  const [placements, setPlacements] = useState<Readonly<Record<string, Placement>>>({});
  const [previewKey, setPreviewKey] = useState(files[0] ? fileKey(files[0]) : '');
  const [result, setResult] = useState<SignResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const pin = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const { busy, run } = useInFlight();
  const attempted = useRef(false);
  const choice = useTokenChoice();
  const { chosen, certificate, pinPad, usable, loadTokens } = choice;
  // Files already signed in this dialog are not offered again; the rest can be retried.
  const pending = files.filter((f) => result?.results.find((r) => fileKey(r) === fileKey(f))?.status !== 'signed');
  const preview = files.find((f) => fileKey(f) === previewKey) ?? files[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || !certificate || pending.length === 0) return;
    const typed = pinPad ? null : (pin.current?.value ?? '');
    if (pin.current) pin.current.value = '';
    void run(async () => {
      setFailure(null);
      try {
        const answer = await write('signing.sign', {
          modulePath: chosen.modulePath,
          tokenSerial: chosen.token.serialNumber,
          certificateId: certificate.id,
          pin: typed,
          kind,
          items: pending.map((f) => {
            const moved = placements[fileKey(f)];
            return { documentId: f.documentId, sha256: f.sha256, placement: moved ? { page: moved.page, rect: [...moved.rect] } : null };
          }),
        });
        // Results of earlier attempts stay for the files this one did not include.
        setResult((before) => {
          const results = [...(before?.results.filter((r) => r.status === 'signed') ?? []), ...answer.results];
          return { ...answer, results, signed: results.filter((r) => r.status === 'signed').length };
        });
        if (answer.signed > 0) onSigned();
      } catch (err) {
        const lines = isApiError(err) && err.issues.length ? err.issues.map(issueLine) : [errorMessage(err)];
        setFailure(lines.join(' '));
        // A wrong PIN changes what the token says about the next try.
        if (isApiError(err) && (err.code === 'PIN_REJECTED' || err.code === 'TOKEN_UNAVAILABLE')) loadTokens();
      }
    });
  };

  const allSigned = result !== null && pending.length === 0;
  // The boxes were disabled during the call, which drops the focus: after an attempt it goes back
  // to the PIN box for another try, or to "Đóng" when there is nothing left to sign.
  useEffect(() => {
    if (busy) {
      attempted.current = true;
      return;
    }
    if (!attempted.current) return;
    if (pin.current && !pin.current.disabled) pin.current.focus();
    else closeButton.current?.focus();
  }, [busy]);
  return (
    <Dialog title={files.length > 1 ? `Ký số ${files.length} tệp` : `Ký số: ${files[0]?.name ?? ''}`} onClose={onClose} closable={!busy} wide>
      <form className="form sign-form" onSubmit={submit} noValidate aria-label="Ký số">
        <div className="sign-form__columns">
          <div className="sign-form__choices">
            <fieldset className="sign-kinds" disabled={busy || result !== null}>
              <legend>Loại chữ ký</legend>
              {/* A certified copy is made in "Sao văn bản", which numbers it (docs/copies.md). */}
              {SIGNATURE_KINDS.filter((k) => k !== 'copy').map((k) => (
                <label key={k} className="checkbox">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => {
                      setKind(k);
                      setPlacements({});
                    }}
                  />
                  {SIGNATURE_KIND_NAMES[k]}
                </label>
              ))}
            </fieldset>
            <TokenPinFields choice={choice} busy={busy} pinDisabled={busy || !usable || allSigned} pinRef={pin} />
            {failure ? <Notice tone="error">{failure}</Notice> : null}
          </div>
          {preview ? (
            <PagePreview
              key={`${fileKey(preview)}-${kind}`}
              documentId={preview.documentId}
              sha256={preview.sha256}
              fileName={preview.name}
              kind={kind}
              placement={placements[fileKey(preview)] ?? null}
              onMove={(p) => setPlacements((all) => ({ ...all, [fileKey(preview)]: p }))}
            />
          ) : null}
        </div>
        <BatchList files={files} result={result} previewKey={preview ? fileKey(preview) : ''} onPreview={(f) => setPreviewKey(fileKey(f))} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !usable || allSigned}>
            {busy ? 'Đang ký…' : pending.length > 1 ? `Ký ${pending.length} tệp` : 'Ký số'}
          </button>
          <button ref={closeButton} type="button" className="button" onClick={onClose} disabled={busy}>
            {result ? 'Đóng' : 'Thôi (Esc)'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

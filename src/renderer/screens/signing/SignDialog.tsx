import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SignResult, TokenModule } from '../../../shared/api/schemas/signing.ts';
import { SIGNATURE_KIND_NAMES, SIGNATURE_KINDS, type SignatureKind } from '../../../shared/domain/signature-kinds.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { BatchList, type SignFile } from './BatchList.tsx';
import { CertificateDetails } from './CertificateDetails.tsx';
import { PagePreview, type Placement } from './PagePreview.tsx';
import { issueLine } from './signing-words.ts';
import { canSign, commonName, tokenLabel, tokenOptions } from './token-choice.ts';

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
  const [modules, setModules] = useState<readonly TokenModule[] | null>(null);
  const [tokenKey, setTokenKey] = useState('');
  const [certificateId, setCertificateId] = useState('');
  const [placements, setPlacements] = useState<Readonly<Record<string, Placement>>>({});
  const [previewKey, setPreviewKey] = useState(files[0] ? fileKey(files[0]) : '');
  const [result, setResult] = useState<SignResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const pin = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const { busy, run } = useInFlight();
  const attempted = useRef(false);
  const ids = { token: useId(), cert: useId(), pin: useId(), pinStatus: useId() };

  const loadTokens = useCallback(
    () =>
      call('token.list', {})
        .then(setModules)
        .catch((e: unknown) => setFailure(`Chưa đọc được thiết bị ký số: ${errorMessage(e)}`)),
    [],
  );
  useEffect(() => {
    void loadTokens();
  }, [loadTokens]);

  const options = tokenOptions(modules ?? []);
  const chosen = options.find((o) => o.key === tokenKey) ?? options[0] ?? null;
  const certificates = chosen?.token.certificates ?? [];
  const certificate = certificates.find((c) => c.id === certificateId) ?? certificates[0] ?? null;
  // A PIN-pad token asks on the device; a token without login asks nothing. Neither gets a box.
  const pinPad = chosen !== null && (chosen.token.pinStatus.pinPad || chosen.token.pinStatus.state === 'no-login');
  const usable = chosen !== null && certificate !== null && canSign(chosen.token);
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
        const answer = await call('signing.sign', {
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
        if (isApiError(err) && (err.code === 'PIN_REJECTED' || err.code === 'TOKEN_UNAVAILABLE')) void loadTokens();
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
              {SIGNATURE_KINDS.map((k) => (
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
            {modules === null ? <p className="muted">Đang tìm thiết bị ký số…</p> : null}
            {modules !== null && options.length === 0 ? (
              <Notice tone="warning">Không tìm thấy thiết bị ký số nào. Hãy cắm thiết bị, kiểm tra thư viện PKCS#11 trong Cài đặt → Ký số, rồi bấm "Tìm lại thiết bị".</Notice>
            ) : null}
            {options.length > 0 ? (
              <>
                <div className="field field--wide">
                  <label htmlFor={ids.token}>Thiết bị ký số</label>
                  <select
                    id={ids.token}
                    value={chosen?.key ?? ''}
                    disabled={busy}
                    onChange={(e) => {
                      setTokenKey(e.target.value);
                      setCertificateId('');
                    }}
                  >
                    {options.map((o) => (
                      <option key={o.key} value={o.key}>
                        {tokenLabel(o.token)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field field--wide">
                  <label htmlFor={ids.cert}>Chứng thư số</label>
                  <select id={ids.cert} value={certificate?.id ?? ''} disabled={busy || certificates.length === 0} onChange={(e) => setCertificateId(e.target.value)}>
                    {certificates.map((c) => (
                      <option key={c.id} value={c.id}>
                        {commonName(c.subject)} ({c.keyAlgorithm}) — do {commonName(c.issuer)} cấp
                      </option>
                    ))}
                  </select>
                  {certificates.length === 0 ? <span className="field__error">Thiết bị này không có chứng thư số nào kèm khóa để ký.</span> : null}
                </div>
                {certificate ? <CertificateDetails certificate={certificate} /> : null}
              </>
            ) : null}
            <button type="button" className="button button--quiet" onClick={() => void loadTokens()} disabled={busy}>
              Tìm lại thiết bị
            </button>
            {chosen ? (
              <div id={ids.pinStatus}>
                <Notice tone={chosen.token.pinStatus.state === 'ok' || chosen.token.pinStatus.state === 'pin-pad' ? 'info' : 'warning'}>
                  {chosen.token.pinStatus.messageVi}
                </Notice>
              </div>
            ) : null}
            {chosen && !pinPad ? (
              <div className="field">
                <label htmlFor={ids.pin}>Mã PIN</label>
                <input
                  ref={pin}
                  id={ids.pin}
                  type="password"
                  name="pin"
                  autoComplete="off"
                  inputMode="numeric"
                  aria-describedby={ids.pinStatus}
                  disabled={busy || !usable || allSigned}
                  autoFocus
                />
              </div>
            ) : null}
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

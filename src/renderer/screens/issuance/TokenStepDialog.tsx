import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import type { TokenModule } from '../../../shared/api/schemas/signing.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { CertificateDetails } from '../signing/CertificateDetails.tsx';
import { issueLine } from '../signing/signing-words.ts';
import { canSign, commonName, tokenLabel, tokenOptions } from '../signing/token-choice.ts';

interface TokenStepDialogProps {
  readonly id: number;
  readonly op: 'issuance.approve' | 'issuance.issue';
  readonly title: string;
  readonly onClose: () => void;
  readonly onDone: (record: IssuanceRecord) => void;
}

// Ký duyệt and ký phát hành of the workflow: the token, the certificate and the PIN, as in the
// sign dialog (the PIN is read from the password box and the box emptied when the call starts;
// after a wrong PIN the token is read again and the focus goes back to the box). The signature
// goes where the draft's placeholders, or the signing defaults, put it.
export function TokenStepDialog({ id, op, title, onClose, onDone }: TokenStepDialogProps) {
  const [modules, setModules] = useState<readonly TokenModule[] | null>(null);
  const [tokenKey, setTokenKey] = useState('');
  const [certificateId, setCertificateId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const pin = useRef<HTMLInputElement>(null);
  const attempted = useRef(false);
  const { busy, run } = useInFlight();
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
  const pinPad = chosen !== null && (chosen.token.pinStatus.pinPad || chosen.token.pinStatus.state === 'no-login');
  const usable = chosen !== null && certificate !== null && canSign(chosen.token);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || !certificate) return;
    const typed = pinPad ? null : (pin.current?.value ?? '');
    if (pin.current) pin.current.value = '';
    void run(async () => {
      setFailure(null);
      try {
        const record = await call(op, { id, modulePath: chosen.modulePath, tokenSerial: chosen.token.serialNumber, certificateId: certificate.id, pin: typed });
        onDone(record);
      } catch (err) {
        const lines = isApiError(err) && err.issues.length ? err.issues.map(issueLine) : [errorMessage(err)];
        setFailure(lines.join(' '));
        if (isApiError(err) && (err.code === 'PIN_REJECTED' || err.code === 'TOKEN_UNAVAILABLE')) void loadTokens();
      }
    });
  };

  useEffect(() => {
    if (busy) {
      attempted.current = true;
      return;
    }
    if (attempted.current && pin.current && !pin.current.disabled) pin.current.focus();
  }, [busy]);

  return (
    <Dialog title={title} onClose={onClose} closable={!busy}>
      <form className="form" onSubmit={submit} noValidate aria-label={title}>
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
            <Notice tone={chosen.token.pinStatus.state === 'ok' || chosen.token.pinStatus.state === 'pin-pad' ? 'info' : 'warning'}>{chosen.token.pinStatus.messageVi}</Notice>
          </div>
        ) : null}
        {chosen && !pinPad ? (
          <div className="field">
            <label htmlFor={ids.pin}>Mã PIN</label>
            <input ref={pin} id={ids.pin} type="password" name="pin" autoComplete="off" inputMode="numeric" aria-describedby={ids.pinStatus} disabled={busy || !usable} autoFocus />
          </div>
        ) : null}
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !usable}>
            {busy ? 'Đang ký…' : 'Ký số'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { type RefObject, useId } from 'react';
import { Notice } from '../../components/Notice.tsx';
import { useInitialFocus } from '../../components/use-initial-focus.ts';
import { CertificateDetails } from './CertificateDetails.tsx';
import { commonName, tokenLabel } from './token-choice.ts';
import type { TokenChoice } from './use-token-choice.ts';

interface TokenPinFieldsProps {
  readonly choice: TokenChoice;
  readonly busy: boolean;
  readonly pinDisabled: boolean;
  // The PIN never enters React state: the dialog reads it from this box, and empties the box, at
  // the moment it makes the call.
  readonly pinRef: RefObject<HTMLInputElement | null>;
}

// The token, its certificate and details, what the token says about its PIN, and the PIN box
// (none for a PIN-pad token or one without login), which takes the focus when it appears.
export function TokenPinFields({ choice, busy, pinDisabled, pinRef }: TokenPinFieldsProps) {
  const { modules, options, chosen, certificates, certificate, pinPad } = choice;
  const ids = { token: useId(), cert: useId(), pin: useId(), pinStatus: useId() };
  const hasPinBox = chosen !== null && !pinPad;
  useInitialFocus(pinRef, hasPinBox);
  return (
    <>
      {modules === null ? <p className="muted">Đang tìm thiết bị ký số…</p> : null}
      {modules !== null && options.length === 0 ? (
        <Notice tone="warning">Không tìm thấy thiết bị ký số nào. Hãy cắm thiết bị, kiểm tra thư viện PKCS#11 trong Cài đặt → Ký số, rồi bấm "Tìm lại thiết bị".</Notice>
      ) : null}
      {options.length > 0 ? (
        <>
          <div className="field field--wide">
            <label htmlFor={ids.token}>Thiết bị ký số</label>
            <select id={ids.token} value={chosen?.key ?? ''} disabled={busy} onChange={(e) => choice.chooseToken(e.target.value)}>
              {options.map((o) => (
                <option key={o.key} value={o.key}>
                  {tokenLabel(o.token)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--wide">
            <label htmlFor={ids.cert}>Chứng thư số</label>
            <select id={ids.cert} value={certificate?.id ?? ''} disabled={busy || certificates.length === 0} onChange={(e) => choice.chooseCertificate(e.target.value)}>
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
      {choice.loadError ? <Notice tone="error">{choice.loadError}</Notice> : null}
      <button type="button" className="button button--quiet" onClick={choice.loadTokens} disabled={busy}>
        Tìm lại thiết bị
      </button>
      {chosen ? (
        <div id={ids.pinStatus}>
          <Notice tone={chosen.token.pinStatus.state === 'ok' || chosen.token.pinStatus.state === 'pin-pad' ? 'info' : 'warning'}>{chosen.token.pinStatus.messageVi}</Notice>
        </div>
      ) : null}
      {hasPinBox ? (
        <div className="field">
          <label htmlFor={ids.pin}>Mã PIN</label>
          <input ref={pinRef} id={ids.pin} type="password" name="pin" autoComplete="off" inputMode="numeric" aria-describedby={ids.pinStatus} disabled={pinDisabled} />
        </div>
      ) : null}
    </>
  );
}

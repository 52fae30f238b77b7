import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { issueLine } from '../signing/signing-words.ts';
import { TokenPinFields } from '../signing/TokenPinFields.tsx';
import { useTokenChoice } from '../signing/use-token-choice.ts';

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
  const [failure, setFailure] = useState<string | null>(null);
  const pin = useRef<HTMLInputElement>(null);
  const attempted = useRef(false);
  const { busy, run } = useInFlight();
  const choice = useTokenChoice();
  const { chosen, certificate, pinPad, usable, loadTokens } = choice;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || !certificate) return;
    const typed = pinPad ? null : (pin.current?.value ?? '');
    if (pin.current) pin.current.value = '';
    void run(async () => {
      setFailure(null);
      try {
        const record = await write(op, { id, modulePath: chosen.modulePath, tokenSerial: chosen.token.serialNumber, certificateId: certificate.id, pin: typed });
        onDone(record);
      } catch (err) {
        const lines = isApiError(err) && err.issues.length ? err.issues.map(issueLine) : [errorMessage(err)];
        setFailure(lines.join(' '));
        if (isApiError(err) && (err.code === 'PIN_REJECTED' || err.code === 'TOKEN_UNAVAILABLE')) loadTokens();
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
        <TokenPinFields choice={choice} busy={busy} pinDisabled={busy || !usable} pinRef={pin} />
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

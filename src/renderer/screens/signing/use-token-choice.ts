import { useCallback, useEffect, useState } from 'react';
import type { TokenModule } from '../../../shared/api/schemas/signing.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { type Certificate, canSign, type TokenOption, tokenOptions } from './token-choice.ts';

export interface TokenChoice {
  // null until the first reading of the tokens answers.
  readonly modules: readonly TokenModule[] | null;
  readonly options: readonly TokenOption[];
  readonly chosen: TokenOption | null;
  readonly certificates: readonly Certificate[];
  readonly certificate: Certificate | null;
  // A PIN-pad token asks on the device; a token without login asks nothing. Neither gets a box.
  readonly pinPad: boolean;
  readonly usable: boolean;
  readonly loadTokens: () => Promise<void>;
  readonly chooseToken: (key: string) => void;
  readonly chooseCertificate: (id: string) => void;
}

// The token and certificate a dialog signs with: read when the dialog opens and again on demand
// (after a wrong PIN the token says something new). A failed reading goes to the dialog's own
// failure line, the same one its signing call reports to.
export function useTokenChoice(onFailure: (message: string) => void): TokenChoice {
  const [modules, setModules] = useState<readonly TokenModule[] | null>(null);
  const [tokenKey, setTokenKey] = useState('');
  const [certificateId, setCertificateId] = useState('');

  const loadTokens = useCallback(
    () =>
      call('token.list', {})
        .then(setModules)
        .catch((e: unknown) => onFailure(`Chưa đọc được thiết bị ký số: ${errorMessage(e)}`)),
    [onFailure],
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
  const chooseToken = (key: string) => {
    setTokenKey(key);
    setCertificateId('');
  };
  return { modules, options, chosen, certificates, certificate, pinPad, usable, loadTokens, chooseToken, chooseCertificate: setCertificateId };
}

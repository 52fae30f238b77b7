import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TokenModule } from '../../../shared/api/schemas/signing.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { type Certificate, canSign, type TokenOption, tokenOptions } from './token-choice.ts';

export interface TokenChoice {
  // null until the first reading of the tokens answers.
  readonly modules: readonly TokenModule[] | null;
  // Why the tokens could not be read, in the clerk's words.
  readonly loadError: string | null;
  readonly options: readonly TokenOption[];
  readonly chosen: TokenOption | null;
  readonly certificates: readonly Certificate[];
  readonly certificate: Certificate | null;
  // A PIN-pad token asks on the device; a token without login asks nothing. Neither gets a box.
  readonly pinPad: boolean;
  readonly usable: boolean;
  readonly loadTokens: () => void;
  readonly chooseToken: (key: string) => void;
  readonly chooseCertificate: (id: string) => void;
}

// The token and certificate a dialog signs with: read when the dialog opens (token.list, shared
// with Cài đặt → Ký số) and again on demand (after a wrong PIN the token says something new).
export function useTokenChoice(): TokenChoice {
  const tokens = useQuery(apiQuery('token.list', {}));
  const [tokenKey, setTokenKey] = useState('');
  const [certificateId, setCertificateId] = useState('');

  const modules = tokens.data ?? null;
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
  return {
    modules,
    loadError: tokens.error ? `Chưa đọc được thiết bị ký số: ${errorMessage(tokens.error)}` : null,
    options,
    chosen,
    certificates,
    certificate,
    pinPad,
    usable,
    loadTokens: () => void tokens.refetch(),
    chooseToken,
    chooseCertificate: setCertificateId,
  };
}

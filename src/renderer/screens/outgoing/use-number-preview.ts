import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { readDateInput } from '../../util/dates.ts';

const DELAY_MS = 250;

export type NumberPreview = { readonly ok: true; readonly value: OutputOf<'outgoing.preview'> } | { readonly ok: false; readonly message: string };

// The number and notation the server would give now. Nothing is reserved: another registration
// may take it first, which is why the form says "chưa giữ số".
// `lastSaved` asks again after a registration took the previewed number; a new day (app.info
// refreshed) asks again too, since an empty Ngày văn bản means the server's today.
export function useNumberPreview(documentType: string, documentDateText: string, unitAbbreviation: string, lastSaved: unknown): NumberPreview | null {
  const { info } = useApp();
  const [preview, setPreview] = useState<NumberPreview | null>(null);
  useEffect(() => {
    const documentDate = readDateInput(documentDateText);
    if (!documentType || documentDate === 'invalid') {
      setPreview(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('outgoing.preview', { documentType, ...(documentDate ? { documentDate } : {}), unitAbbreviation: unitAbbreviation || null })
        .then((value) => current && setPreview({ ok: true, value }))
        .catch((e: unknown) => current && setPreview({ ok: false, message: errorMessage(e) }));
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [documentType, documentDateText, unitAbbreviation, lastSaved, info.today]);
  return preview;
}

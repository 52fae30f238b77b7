import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { OutputOf } from '../../../shared/api/contract.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { readDateInput } from '../../util/dates.ts';
import { useDebounced } from '../../util/use-debounced.ts';

const DELAY_MS = 250;

export type NumberPreview = { readonly ok: true; readonly value: OutputOf<'outgoing.preview'> } | { readonly ok: false; readonly message: string };

// The number and notation the server would give now. Nothing is reserved: another registration
// may take it first, which is why the form says "chưa giữ số". A registration makes the preview
// out of date, and so does a new day (an empty Ngày văn bản means the server's today): both read
// it again (write.ts, use-app-info.ts). A refusal ("công văn needs a unit") is an answer to show,
// not a failed read, so the last answer stays on screen while the next one is asked for.
export function useNumberPreview(documentType: string, documentDateText: string, unitAbbreviation: string): NumberPreview | null {
  const documentDate = readDateInput(documentDateText);
  const wanted = documentType && documentDate !== 'invalid' ? { documentType, ...(documentDate ? { documentDate } : {}), unitAbbreviation: unitAbbreviation || null } : null;
  const input = useDebounced(wanted, DELAY_MS);
  const preview = useQuery({
    queryKey: ['outgoing.preview', input],
    queryFn:
      input === null
        ? skipToken
        : (): Promise<NumberPreview> =>
            call('outgoing.preview', input).then(
              (value) => ({ ok: true, value }),
              (e: unknown) => ({ ok: false, message: errorMessage(e) }),
            ),
    placeholderData: keepPreviousData,
  });
  return wanted && input ? (preview.data ?? null) : null;
}

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DuplicateMatch } from '../../../shared/api/schemas/documents.ts';
import { apiQuery } from '../../api/queries.ts';
import { useDebounced } from '../../util/use-debounced.ts';

const DELAY_MS = 400;

interface DuplicateFields {
  readonly issuingAgency: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
}

const filled = (f: DuplicateFields) => f.issuingAgency.trim() !== '' && f.codeNumber.trim() !== '' && f.codeNotation.trim() !== '';

// As soon as number, notation and issuing agency are filled, asks the server whether a document
// like this one is already in the register, so the clerk sees it before saving. The check is a
// courtesy (the server checks again when saving): a failed one shows nothing. The matches of the
// last answer stay while the clerk goes on typing; emptied boxes (a saved form) clear them at once.
export function useDuplicateCheck({ issuingAgency, codeNumber, codeNotation }: DuplicateFields) {
  const queryClient = useQueryClient();
  const fields = { issuingAgency, codeNumber, codeNotation };
  const asked = useDebounced(fields, DELAY_MS);
  const check = useQuery({ ...apiQuery('incoming.checkDuplicates', asked), enabled: filled(asked), placeholderData: keepPreviousData });
  const matches: readonly DuplicateMatch[] = filled(fields) ? (check.data ?? []) : [];
  // A registration refused as a suspected duplicate carries the server's matches, which are the
  // check's answer for these boxes.
  const refused = (found: readonly DuplicateMatch[]) => queryClient.setQueryData(apiQuery('incoming.checkDuplicates', fields).queryKey, [...found]);
  return { matches, refused };
}

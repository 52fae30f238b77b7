import { type FieldProposals, PREFILL_FIELDS, type PrefillField } from '../../../shared/api/schemas/prefill.ts';
import { showDate } from '../../util/dates.ts';
import type { IncomingValues } from './incoming-values.ts';

// A proposal as the box would hold it: dates as the clerk types them (dd/mm/yyyy).
export function proposedText(field: PrefillField, value: string): string {
  return field === 'documentDate' ? showDate(value) : value;
}

// The fields whose proposal differs from what the box holds now: the ones still to confirm.
export function pendingFields(values: IncomingValues, proposals: FieldProposals | null | undefined): PrefillField[] {
  if (!proposals) return [];
  return PREFILL_FIELDS.filter((f) => {
    const p = proposals[f];
    return p !== null && proposedText(f, p.value) !== values[f].trim();
  });
}

import { FIELD_LABELS } from '../../shared/api/field-labels.ts';

// A box is labelled as the server names its field in messages (glossary labels), so the box and
// the summary line "Trích yếu: không được để trống" read the same.
export function label(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

import { allTypes } from '../../../shared/domain/document-types.ts';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { label } from '../../forms/label.ts';
import type { FieldErrors } from '../../forms/use-form.ts';
import { PRIORITY_OPTIONS } from '../../util/labels.ts';
import type { FieldProposals, PrefillField } from '../../../shared/api/schemas/prefill.ts';
import type { IncomingValues } from './incoming-values.ts';
import { ProposalChip } from './ProposalChip.tsx';
import { pendingFields, proposedText } from './proposal-values.ts';

interface IncomingFieldsProps {
  readonly values: IncomingValues;
  readonly errors: FieldErrors;
  readonly set: (name: keyof IncomingValues) => (value: string) => void;
  readonly unitNames: readonly string[];
  // Values read from the attached PDF (docs/prefill.md), shown under their boxes until taken.
  readonly proposals?: FieldProposals | null | undefined;
}

const TYPE_NAMES = allTypes().map((t) => t.name);

// The boxes in the order the clerk reads them off the document: who sent it, its number, date,
// type and subject, then how urgent, for whom, and the rest.
export function IncomingFields({ values, errors, set, unitNames, proposals }: IncomingFieldsProps) {
  const pending = new Set<string>(pendingFields(values, proposals));
  const aside = (name: keyof IncomingValues) => {
    const proposal = pending.has(name) ? proposals?.[name as PrefillField] : null;
    if (!proposal) return undefined;
    const shown = proposedText(name as PrefillField, proposal.value);
    return <ProposalChip label={label(name)} proposal={proposal} shown={shown} onAccept={() => set(name)(shown)} />;
  };
  const box = (name: keyof IncomingValues) => ({ label: label(name), name, value: values[name], onChange: set(name), error: errors[name], aside: aside(name) });
  return (
    <div className="form__grid">
      <TextInput {...box('issuingAgency')} required wide initialFocus />
      <TextInput {...box('codeNumber')} required />
      <TextInput {...box('codeNotation')} required hint="Ví dụ QĐ-UBND" />
      <DateInput {...box('documentDate')} required />
      <TextInput {...box('documentType')} required list="incoming-types" />
      <datalist id="incoming-types">
        {TYPE_NAMES.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <TextArea {...box('subject')} required rows={2} submitOnEnter />
      <SelectInput {...box('priority')} options={PRIORITY_OPTIONS} />
      <DateInput {...box('dueDate')} />
      <TextInput {...box('recipientUnit')} list="incoming-units" />
      <datalist id="incoming-units">
        {unitNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <TextInput {...box('signerName')} />
      <TextInput {...box('signerPosition')} />
      <DateInput {...box('arrivalDate')} hint="Để trống: hôm nay" />
      <TextInput {...box('pageCount')} inputMode="numeric" />
      <TextInput {...box('copies')} inputMode="numeric" />
      <TextInput {...box('documentIdentifier')} hint="Mã định danh văn bản điện tử, nếu có" />
      <DateInput {...box('transferDate')} />
      <TextInput {...box('receivedBy')} hint="Người nhận văn bản khi chuyển" />
      <TextArea {...box('notes')} rows={2} />
    </div>
  );
}

import { ADMINISTRATIVE_TYPES, COPY_TYPES } from '../../../shared/domain/document-types.ts';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { label } from '../../forms/label.ts';
import type { FieldErrors } from '../../forms/use-form.ts';
import { PRIORITY_OPTIONS } from '../../util/labels.ts';
import type { OutgoingValues } from './outgoing-values.ts';

const TYPE_OPTIONS = [...ADMINISTRATIVE_TYPES, ...COPY_TYPES].map((t) => ({ value: t.key, label: t.name }));

interface OutgoingFieldsProps {
  readonly values: OutgoingValues;
  readonly errors: FieldErrors;
  readonly set: (name: keyof OutgoingValues) => (value: string) => void;
  readonly units: ReadonlyArray<{ name: string; abbreviation: string }>;
}

// In an outgoing register the recipient column is the unit or person keeping the file copy
// (Appendix IV), which the shared label "Đơn vị hoặc người nhận" would misname.
const RECIPIENT_UNIT_LABEL = 'Đơn vị, người nhận bản lưu';

export function OutgoingFields({ values, errors, set, units }: OutgoingFieldsProps) {
  const box = (name: keyof OutgoingValues) => ({ label: label(name), name, value: values[name], onChange: set(name), error: errors[name] });
  const unitOptions = [{ value: '', label: '(không)' }, ...units.map((u) => ({ value: u.abbreviation, label: `${u.abbreviation} — ${u.name}` }))];
  return (
    <div className="form__grid">
      <SelectInput {...box('documentType')} options={TYPE_OPTIONS} required initialFocus />
      <SelectInput {...box('unitAbbreviation')} options={unitOptions} hint="Công văn ghi ký hiệu theo đơn vị, ví dụ UBND-VP" />
      <DateInput {...box('documentDate')} hint="Để trống: hôm nay" />
      <TextArea {...box('subject')} required rows={2} submitOnEnter />
      <TextInput {...box('signerCompetence')} list="competences" hint="TM., KT., TL., TUQ. hoặc để trống" />
      <datalist id="competences">
        {['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'].map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <TextInput {...box('signerPosition')} />
      <TextInput {...box('signerName')} required />
      <TextArea {...box('recipientsText')} rows={3} hint="Mỗi nơi nhận một dòng" />
      <TextInput {...box('recipientUnit')} label={RECIPIENT_UNIT_LABEL} />
      <TextInput {...box('copies')} inputMode="numeric" />
      <TextInput {...box('pageCount')} inputMode="numeric" />
      <DateInput {...box('transferDate')} />
      <TextInput {...box('receivedBy')} />
      <SelectInput {...box('priority')} options={PRIORITY_OPTIONS} />
      <DateInput {...box('dueDate')} />
      <TextArea {...box('notes')} rows={2} />
    </div>
  );
}

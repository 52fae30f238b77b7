import { allTypes } from '../../../shared/domain/document-types.ts';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import type { FieldErrors } from '../../forms/use-form.ts';
import { PRIORITY_OPTIONS } from '../../util/labels.ts';
import type { IncomingValues } from './incoming-values.ts';

interface IncomingFieldsProps {
  readonly values: IncomingValues;
  readonly errors: FieldErrors;
  readonly set: (name: keyof IncomingValues) => (value: string) => void;
  readonly unitNames: readonly string[];
}

const TYPE_NAMES = allTypes().map((t) => t.name);

// The boxes in the order the clerk reads them off the document: who sent it, its number, date,
// type and subject, then how urgent, for whom, and the rest.
export function IncomingFields({ values, errors, set, unitNames }: IncomingFieldsProps) {
  return (
    <div className="form__grid">
      <TextInput label="Cơ quan ban hành" name="issuingAgency" value={values.issuingAgency} onChange={set('issuingAgency')} error={errors.issuingAgency} required wide autoFocus />
      <TextInput label="Số" name="codeNumber" value={values.codeNumber} onChange={set('codeNumber')} error={errors.codeNumber} required />
      <TextInput label="Ký hiệu" name="codeNotation" value={values.codeNotation} onChange={set('codeNotation')} error={errors.codeNotation} required hint="Ví dụ QĐ-UBND" />
      <DateInput label="Ngày văn bản" name="documentDate" value={values.documentDate} onChange={set('documentDate')} error={errors.documentDate} required />
      <TextInput label="Loại văn bản" name="documentType" value={values.documentType} onChange={set('documentType')} error={errors.documentType} required list="incoming-types" />
      <datalist id="incoming-types">
        {TYPE_NAMES.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <TextArea label="Trích yếu" name="subject" value={values.subject} onChange={set('subject')} error={errors.subject} required rows={2} submitOnEnter />
      <SelectInput label="Độ khẩn" name="priority" value={values.priority} onChange={set('priority')} error={errors.priority} options={PRIORITY_OPTIONS} />
      <DateInput label="Hạn xử lý" name="dueDate" value={values.dueDate} onChange={set('dueDate')} error={errors.dueDate} />
      <TextInput label="Đơn vị hoặc người nhận" name="recipientUnit" value={values.recipientUnit} onChange={set('recipientUnit')} error={errors.recipientUnit} list="incoming-units" />
      <datalist id="incoming-units">
        {unitNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <TextInput label="Người ký" name="signerName" value={values.signerName} onChange={set('signerName')} error={errors.signerName} />
      <TextInput label="Chức vụ người ký" name="signerPosition" value={values.signerPosition} onChange={set('signerPosition')} error={errors.signerPosition} />
      <DateInput label="Ngày đến" name="arrivalDate" value={values.arrivalDate} onChange={set('arrivalDate')} error={errors.arrivalDate} hint="Để trống: hôm nay" />
      <TextInput label="Số trang" name="pageCount" value={values.pageCount} onChange={set('pageCount')} error={errors.pageCount} inputMode="numeric" />
      <TextInput label="Số bản" name="copies" value={values.copies} onChange={set('copies')} error={errors.copies} inputMode="numeric" />
      <TextInput label="Mã văn bản" name="documentIdentifier" value={values.documentIdentifier} onChange={set('documentIdentifier')} error={errors.documentIdentifier} hint="Mã định danh văn bản điện tử, nếu có" />
      <DateInput label="Ngày chuyển" name="transferDate" value={values.transferDate} onChange={set('transferDate')} error={errors.transferDate} />
      <TextInput label="Ký nhận" name="receivedBy" value={values.receivedBy} onChange={set('receivedBy')} error={errors.receivedBy} hint="Người nhận văn bản khi chuyển" />
      <TextArea label="Ghi chú" name="notes" value={values.notes} onChange={set('notes')} error={errors.notes} rows={2} />
    </div>
  );
}

import { ADMINISTRATIVE_TYPES, COPY_TYPES } from '../../../shared/domain/document-types.ts';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
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

export function OutgoingFields({ values, errors, set, units }: OutgoingFieldsProps) {
  const unitOptions = [{ value: '', label: '(không)' }, ...units.map((u) => ({ value: u.abbreviation, label: `${u.abbreviation} — ${u.name}` }))];
  return (
    <div className="form__grid">
      <SelectInput label="Loại văn bản" name="documentType" value={values.documentType} onChange={set('documentType')} error={errors.documentType} options={TYPE_OPTIONS} required autoFocus />
      <SelectInput
        label="Đơn vị soạn thảo"
        name="unitAbbreviation"
        value={values.unitAbbreviation}
        onChange={set('unitAbbreviation')}
        error={errors.unitAbbreviation}
        options={unitOptions}
        hint="Công văn ghi ký hiệu theo đơn vị, ví dụ UBND-VP"
      />
      <DateInput label="Ngày văn bản" name="documentDate" value={values.documentDate} onChange={set('documentDate')} error={errors.documentDate} hint="Để trống: hôm nay" />
      <TextArea label="Trích yếu" name="subject" value={values.subject} onChange={set('subject')} error={errors.subject} required rows={2} submitOnEnter />
      <TextInput label="Thẩm quyền ký" name="signerCompetence" value={values.signerCompetence} onChange={set('signerCompetence')} error={errors.signerCompetence} list="competences" hint="TM., KT., TL., TUQ. hoặc để trống" />
      <datalist id="competences">
        {['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'].map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <TextInput label="Chức vụ người ký" name="signerPosition" value={values.signerPosition} onChange={set('signerPosition')} error={errors.signerPosition} />
      <TextInput label="Người ký" name="signerName" value={values.signerName} onChange={set('signerName')} error={errors.signerName} required />
      <TextArea label="Nơi nhận" name="recipientsText" value={values.recipientsText} onChange={set('recipientsText')} error={errors.recipientsText} rows={3} hint="Mỗi nơi nhận một dòng" />
      <TextInput label="Đơn vị, người nhận bản lưu" name="recipientUnit" value={values.recipientUnit} onChange={set('recipientUnit')} error={errors.recipientUnit} />
      <TextInput label="Số lượng bản" name="copies" value={values.copies} onChange={set('copies')} error={errors.copies} inputMode="numeric" />
      <TextInput label="Số trang" name="pageCount" value={values.pageCount} onChange={set('pageCount')} error={errors.pageCount} inputMode="numeric" />
      <DateInput label="Ngày chuyển" name="transferDate" value={values.transferDate} onChange={set('transferDate')} error={errors.transferDate} />
      <TextInput label="Ký nhận" name="receivedBy" value={values.receivedBy} onChange={set('receivedBy')} error={errors.receivedBy} />
      <SelectInput label="Độ khẩn" name="priority" value={values.priority} onChange={set('priority')} error={errors.priority} options={PRIORITY_OPTIONS} />
      <DateInput label="Hạn xử lý" name="dueDate" value={values.dueDate} onChange={set('dueDate')} error={errors.dueDate} />
      <TextArea label="Ghi chú" name="notes" value={values.notes} onChange={set('notes')} error={errors.notes} rows={2} />
    </div>
  );
}

import { SIGNER_COMPETENCES } from '../../../shared/api/schemas/draft.ts';
import { SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { PRIORITY_OPTIONS } from '../../util/labels.ts';
import { BodyEditor } from './BodyEditor.tsx';
import type { DraftErrors, DraftValues, SignerValue } from './draft-values.ts';
import { TextListEditor } from './TextListEditor.tsx';

interface DraftFieldsProps {
  readonly values: DraftValues;
  readonly set: (patch: Partial<DraftValues>) => void;
  readonly errors: DraftErrors;
  readonly units: ReadonlyArray<{ readonly abbreviation: string; readonly name: string }>;
}

const COMPETENCE_OPTIONS = [{ value: '', label: '(không ghi: người đứng đầu ký)' }, ...SIGNER_COMPETENCES.map((c) => ({ value: c, label: `${c}.` }))];
const SECRECY_OPTIONS = [
  { value: '', label: 'Không mật' },
  { value: 'mat', label: 'Mật' },
  { value: 'toi-mat', label: 'Tối mật' },
  { value: 'tuyet-mat', label: 'Tuyệt mật' },
];
// Types whose body is made of articles (Điều 1., khoản, điểm).
const ARTICLE_TYPES = new Set(['quyet-dinh', 'nghi-quyet', 'quy-che', 'quy-dinh']);
// Types with a "Kính gửi:" line in Appendix III.
const ADDRESSED_TYPES = new Set(['cong-van', 'to-trinh', 'bao-cao', 'giay-moi', 'cong-dien']);

// The boxes of a draft in the order of the printed document (nd30-rules §8): header, trích yếu,
// căn cứ, Kính gửi, body, signer, Nơi nhận, then the marks (urgency, secrecy, drafter, copies).
export function DraftFields({ values, set, errors, units }: DraftFieldsProps) {
  const isCongVan = values.documentType === 'cong-van';
  const articles = ARTICLE_TYPES.has(values.documentType);
  const setSigner = (patch: Partial<SignerValue>) => set({ signer: { ...values.signer, ...patch } });
  return (
    <>
      <div className="form__grid">
        <TextInput
          label="Đơn vị soạn thảo"
          name="unitAbbreviation"
          value={values.unitAbbreviation}
          onChange={(unitAbbreviation) => set({ unitAbbreviation })}
          error={errors.unitAbbreviation}
          hint={isCongVan ? 'Chữ viết tắt, vào ký hiệu (UBND-VP)' : 'Chữ viết tắt, ghi ở "Lưu: VT, …"'}
          required={isCongVan}
          list="draft-units"
        />
        <datalist id="draft-units">
          {units.map((u) => (
            <option key={u.abbreviation} value={u.abbreviation}>
              {u.name}
            </option>
          ))}
        </datalist>
        <TextArea
          label={isCongVan ? 'Trích yếu (sau "V/v")' : 'Trích yếu'}
          name="subject"
          value={values.subject}
          onChange={(subject) => set({ subject })}
          error={errors.subject}
          rows={2}
        />
        {articles ? (
          <TextInput label="Thẩm quyền ban hành" name="issuerTitle" value={values.issuerTitle} onChange={(issuerTitle) => set({ issuerTitle })} error={errors.issuerTitle} hint="Dòng chữ in hoa dưới tên loại, ví dụ CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …" wide />
        ) : null}
      </div>
      <TextListEditor label="Căn cứ" path="legalBases" items={values.legalBases} errors={errors} onChange={(legalBases) => set({ legalBases })} hint='In nghiêng, mỗi căn cứ một dòng; "Theo đề nghị của …" để cuối.' multiline />
      {ADDRESSED_TYPES.has(values.documentType) || values.recipients.length > 0 ? (
        <TextListEditor label="Kính gửi" path="recipients" items={values.recipients} errors={errors} onChange={(recipients) => set({ recipients })} />
      ) : null}
      <BodyEditor body={values.body} onChange={(body) => set({ body })} errors={errors} articles={articles || values.body.some((b) => b.type === 'article')} />
      <fieldset className="form__grid signer-fields">
        <legend>Người ký</legend>
        <SelectInput label="Thẩm quyền ký" name="competence" value={values.signer.competence} options={COMPETENCE_OPTIONS} onChange={(competence) => setSigner({ competence })} error={errors['signer.competence']} />
        <TextInput label="Dòng thẩm quyền" name="authority" value={values.signer.authority} onChange={(authority) => setSigner({ authority })} error={errors['signer.authority']} hint="Sau TM./KT./TL.: Ủy ban nhân dân, Chủ tịch…" />
        {values.signer.competence === 'KT' ? (
          <TextInput label="Thay mặt (dòng TM. trên KT.)" name="onBehalfOf" value={values.signer.onBehalfOf} onChange={(onBehalfOf) => setSigner({ onBehalfOf })} error={errors['signer.onBehalfOf']} />
        ) : null}
        <TextInput label="Chức vụ" name="position" value={values.signer.position} onChange={(position) => setSigner({ position })} error={errors['signer.position']} />
        <TextInput label="Họ tên người ký" name="fullName" value={values.signer.fullName} onChange={(fullName) => setSigner({ fullName })} error={errors['signer.fullName']} required />
        <label className="checkbox field--wide">
          <input type="checkbox" checked={values.hasCoSigner} onChange={(e) => set({ hasCoSigner: e.target.checked })} />
          Có người ký thứ hai bên trái (biên bản: thư ký)
        </label>
        {values.hasCoSigner ? (
          <>
            <TextInput label="Chức vụ người ký thứ hai" name="coPosition" value={values.coSigner.position} onChange={(position) => set({ coSigner: { ...values.coSigner, position } })} error={errors['coSigner.position']} />
            <TextInput label="Họ tên người ký thứ hai" name="coFullName" value={values.coSigner.fullName} onChange={(fullName) => set({ coSigner: { ...values.coSigner, fullName } })} error={errors['coSigner.fullName']} />
          </>
        ) : null}
      </fieldset>
      <TextListEditor label="Nơi nhận" path="toPlaces" items={values.toPlaces} errors={errors} onChange={(toPlaces) => set({ toPlaces })} hint='Không cần dấu "-" và ";"; dòng "- Lưu: VT, …" được thêm tự động.' />
      <div className="form__grid">
        <SelectInput label="Độ khẩn" name="priority" value={values.priority} options={PRIORITY_OPTIONS} onChange={(priority) => set({ priority })} error={errors.priority} />
        <SelectInput label="Độ mật" name="secrecy" value={values.secrecy} options={SECRECY_OPTIONS} onChange={(secrecy) => set({ secrecy })} error={errors.secrecy} />
        <TextInput label="Ký hiệu người soạn thảo" name="drafterCode" value={values.drafterCode} onChange={(drafterCode) => set({ drafterCode })} error={errors.drafterCode} />
        <TextInput label="Số lượng bản" name="copies" value={values.copies} onChange={(copies) => set({ copies })} error={errors.copies} inputMode="numeric" />
      </div>
    </>
  );
}

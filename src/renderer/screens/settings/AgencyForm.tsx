import { type FormEvent, useState } from 'react';
import { write } from '../../api/write.ts';
import type { AgencyProfile } from '../../app/app-context.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { TextArea, TextInput } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { label } from '../../forms/label.ts';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { type UnitDraft, UnitsEditor } from './UnitsEditor.tsx';

const FIELDS = ['name', 'parentName', 'organId', 'abbreviation', 'placeName', 'address', 'phone', 'email', 'website'] as const;
type AgencyValues = Record<(typeof FIELDS)[number], string>;

function initialValues(p: AgencyProfile | null): AgencyValues {
  return {
    name: p?.name ?? '',
    parentName: p?.parentName ?? '',
    organId: p?.organId ?? '',
    abbreviation: p?.abbreviation ?? '',
    placeName: p?.placeName ?? '',
    address: p?.address ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    website: p?.website ?? '',
  };
}

interface AgencyFormProps {
  readonly profile: AgencyProfile | null;
  readonly submitLabel: string;
  readonly onSaved?: () => void;
  // The first run's form is the whole screen: its first box takes the focus.
  readonly initialFocus?: boolean;
}

// Thông tin cơ quan: first-run set-up and later edits share this form and profile.save, whose
// write reads app.info and the profile again (the first run then gives way to the app).
export function AgencyForm({ profile, submitLabel, onSaved, initialFocus }: AgencyFormProps) {
  const form = useForm<AgencyValues>(initialValues(profile));
  const [units, setUnits] = useState<UnitDraft[]>(profile?.units.map((u) => ({ ...u })) ?? []);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  const { values, errors, set } = form;
  useUnsavedChanges(form.dirty || JSON.stringify(units) !== JSON.stringify(profile?.units ?? []));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        const saved = await write('profile.save', { ...values, units });
        setFailure(null);
        form.reset(initialValues(saved));
        setUnits(saved.units.map((u) => ({ ...u })));
        onSaved?.();
      } catch (err) {
        const f = formFailure(err, [...FIELDS, ...units.flatMap((_, i) => [`units.${i}.name`, `units.${i}.abbreviation`])]);
        setFailure(f);
        form.setErrors(f.fieldErrors);
      }
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Thông tin cơ quan">
      <FormSummary failure={failure} />
      <div className="form__grid">
        <TextInput label="Tên cơ quan" name="name" value={values.name} onChange={set('name')} error={errors.name} required wide initialFocus={initialFocus ?? false} />
        <TextInput label={label('parentName')} name="parentName" value={values.parentName} onChange={set('parentName')} error={errors.parentName} wide />
        <TextInput label={label('organId')} name="organId" value={values.organId} onChange={set('organId')} error={errors.organId} required hint="Ví dụ 000.46.24.H17" />
        <TextInput label={label('abbreviation')} name="abbreviation" value={values.abbreviation} onChange={set('abbreviation')} error={errors.abbreviation} required hint="Dùng trong ký hiệu, ví dụ UBND" />
        <TextInput label={label('placeName')} name="placeName" value={values.placeName} onChange={set('placeName')} error={errors.placeName} required hint="Ví dụ Xã Hòa Tiến" />
        <TextArea label={label('address')} name="address" value={values.address} onChange={set('address')} error={errors.address} rows={2} />
        <TextInput label="Điện thoại" name="phone" value={values.phone} onChange={set('phone')} error={errors.phone} />
        <TextInput label="Thư điện tử" name="email" value={values.email} onChange={set('email')} error={errors.email} />
        <TextInput label="Trang thông tin" name="website" value={values.website} onChange={set('website')} error={errors.website} />
      </div>
      <UnitsEditor units={units} errors={errors} onChange={setUnits} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Đang lưu…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

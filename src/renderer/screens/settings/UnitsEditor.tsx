import type { FieldErrors } from '../../forms/use-form.ts';

export interface UnitDraft {
  readonly name: string;
  readonly abbreviation: string;
}

interface UnitsEditorProps {
  readonly units: readonly UnitDraft[];
  readonly errors: FieldErrors;
  readonly onChange: (units: UnitDraft[]) => void;
}

// Đơn vị of the agency: their abbreviations make the notation of công văn (UBND-VP).
export function UnitsEditor({ units, errors, onChange }: UnitsEditorProps) {
  const update = (index: number, patch: Partial<UnitDraft>) => onChange(units.map((u, i) => (i === index ? { ...u, ...patch } : u)));
  return (
    <fieldset className="units">
      <legend>Các đơn vị (phòng, ban) — dùng cho ký hiệu công văn</legend>
      {units.map((u, i) => {
        const nameError = errors[`units.${i}.name`];
        const abbrError = errors[`units.${i}.abbreviation`];
        return (
          <div className="units__row" key={i}>
            <label>
              Tên đơn vị {i + 1}
              <input value={u.name} aria-invalid={Boolean(nameError)} onChange={(e) => update(i, { name: e.target.value })} />
              {nameError ? <span className="field__error">{nameError}</span> : null}
            </label>
            <label>
              Viết tắt đơn vị {i + 1}
              <input
                value={u.abbreviation}
                className="input--short"
                aria-invalid={Boolean(abbrError)}
                onChange={(e) => update(i, { abbreviation: e.target.value })}
              />
              {abbrError ? <span className="field__error">{abbrError}</span> : null}
            </label>
            <button type="button" className="button button--quiet" onClick={() => onChange(units.filter((_, j) => j !== i))}>
              Bỏ đơn vị {i + 1}
            </button>
          </div>
        );
      })}
      <button type="button" className="button" onClick={() => onChange([...units, { name: '', abbreviation: '' }])}>
        Thêm đơn vị
      </button>
    </fieldset>
  );
}

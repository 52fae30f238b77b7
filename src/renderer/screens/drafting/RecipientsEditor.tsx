import { ItemTools } from './ItemTools.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import { pickedAgency } from './agency-match.ts';
import { useAgencySuggestions } from './use-agency-suggestions.ts';

export interface RecipientValue {
  readonly name: string;
  readonly organId: string;
}

interface RecipientsEditorProps {
  readonly items: readonly RecipientValue[];
  readonly onChange: (items: RecipientValue[]) => void;
  // Messages by the operation's path ("recipients", "recipients.0.name", "recipients.1.organId").
  readonly errors: Readonly<Record<string, string>>;
}

interface RecipientRowProps {
  readonly index: number;
  readonly value: RecipientValue;
  readonly count: number;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (next: RecipientValue) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
}

// One recipient. Typing a name offers the agencies of the cached hub directory; picking one fills
// its Mã định danh.
function RecipientRow({ index, value: r, count, errors, onChange, onMove, onRemove }: RecipientRowProps) {
  const suggestions = useAgencySuggestions(r.name);
  const name = `Nơi gửi ${index + 1}`;
  const listId = `recipient-agencies-${index}`;
  const nameError = errors[`recipients.${index}.name`];
  const idError = errors[`recipients.${index}.organId`];
  return (
    <li>
      <span className="list-editor__row">
        <input
          aria-label={`${name}: tên cơ quan, đơn vị`}
          value={r.name}
          list={listId}
          autoComplete="off"
          aria-invalid={Boolean(nameError)}
          onChange={(e) => {
            const picked = pickedAgency(suggestions, e.target.value);
            onChange({ name: e.target.value, organId: picked ? picked.code : r.organId });
          }}
        />
        <datalist id={listId}>
          {suggestions.map((a) => (
            <option key={a.code} value={a.name}>
              {a.code}
            </option>
          ))}
        </datalist>
        <input
          aria-label={`${name}: mã định danh`}
          className="recipients-editor__organ"
          value={r.organId}
          placeholder="Mã định danh (nếu có)"
          autoComplete="off"
          aria-invalid={Boolean(idError)}
          onChange={(e) => onChange({ ...r, organId: e.target.value })}
        />
        <ItemTools name={name} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </span>
      {nameError ? <span className="field__error">{nameError}</span> : null}
      {idError ? <span className="field__error">Mã định danh: {idError}</span> : null}
    </li>
  );
}

// Nơi nhận for the distribution: who the issued document goes to. With a Mã định danh the
// document is queued for electronic sending, without one it is listed for paper.
export function RecipientsEditor({ items, onChange, errors }: RecipientsEditorProps) {
  return (
    <fieldset className="list-editor recipients-editor">
      <legend>Gửi đến (phát hành)</legend>
      <p className="field__hint">Có mã định danh: gửi điện tử; không có: gửi bản giấy.</p>
      <ol>
        {items.map((r, i) => (
          <RecipientRow
            key={i}
            index={i}
            value={r}
            count={items.length}
            errors={errors}
            onChange={(next) => onChange(replaceAt(items, i, next))}
            onMove={(by) => onChange(moveAt(items, i, by))}
            onRemove={() => onChange(removeAt(items, i))}
          />
        ))}
      </ol>
      {errors.recipients ? <span className="field__error">{errors.recipients}</span> : null}
      <button type="button" className="button button--quiet" onClick={() => onChange([...items, { name: '', organId: '' }])}>
        Thêm nơi gửi
      </button>
    </fieldset>
  );
}

export function toRecipients(items: readonly RecipientValue[]): Array<{ name: string; organId: string | null }> {
  return items.map((r) => ({ name: r.name, organId: r.organId.trim() === '' ? null : r.organId.trim() }));
}

// Operation issues outside the draft (recipients, archive, copies…), by path.
export function operationErrors(issues: ReadonlyArray<{ readonly path: string; readonly message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const i of issues) if (!i.path.startsWith('draft')) errors[i.path] ??= i.message;
  return errors;
}

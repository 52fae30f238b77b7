import { ItemTools } from './ItemTools.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';

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

// Nơi nhận for the distribution: who the issued document goes to. With a Mã định danh the
// document is queued for electronic sending, without one it is listed for paper.
export function RecipientsEditor({ items, onChange, errors }: RecipientsEditorProps) {
  return (
    <fieldset className="list-editor recipients-editor">
      <legend>Gửi đến (phát hành)</legend>
      <p className="field__hint">Có mã định danh: gửi điện tử; không có: gửi bản giấy.</p>
      <ol>
        {items.map((r, i) => {
          const name = `Nơi gửi ${i + 1}`;
          const nameError = errors[`recipients.${i}.name`];
          const idError = errors[`recipients.${i}.organId`];
          return (
            <li key={i}>
              <span className="list-editor__row">
                <input aria-label={`${name}: tên cơ quan, đơn vị`} value={r.name} autoComplete="off" aria-invalid={Boolean(nameError)} onChange={(e) => onChange(replaceAt(items, i, { ...r, name: e.target.value }))} />
                <input
                  aria-label={`${name}: mã định danh`}
                  className="recipients-editor__organ"
                  value={r.organId}
                  placeholder="Mã định danh (nếu có)"
                  autoComplete="off"
                  aria-invalid={Boolean(idError)}
                  onChange={(e) => onChange(replaceAt(items, i, { ...r, organId: e.target.value }))}
                />
                <ItemTools name={name} index={i} count={items.length} onMove={(by) => onChange(moveAt(items, i, by))} onRemove={() => onChange(removeAt(items, i))} />
              </span>
              {nameError ? <span className="field__error">{nameError}</span> : null}
              {idError ? <span className="field__error">Mã định danh: {idError}</span> : null}
            </li>
          );
        })}
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

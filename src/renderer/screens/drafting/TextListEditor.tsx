import { ItemTools } from './ItemTools.tsx';
import { moveAt, removeAt, replaceAt } from './list-ops.ts';
import type { DraftErrors } from './draft-values.ts';

interface TextListEditorProps {
  // "Căn cứ", "Kính gửi", "Nơi nhận": the legend, and each box is "<label> <n>".
  readonly label: string;
  // The draft's field ("legalBases"): item n's message is errors["legalBases.<n>"].
  readonly path: string;
  readonly items: readonly string[];
  readonly onChange: (items: string[]) => void;
  readonly errors: DraftErrors;
  readonly hint?: string;
  readonly multiline?: boolean;
}

// A list of one-line texts (căn cứ, Kính gửi, Nơi nhận, điểm): add, edit, reorder, remove.
export function TextListEditor({ label, path, items, onChange, errors, hint, multiline = false }: TextListEditorProps) {
  const listError = errors[path];
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <ol>
        {items.map((item, i) => {
          const name = `${label} ${i + 1}`;
          const error = errors[`${path}.${i}`];
          return (
            <li key={i} className={error ? 'field--invalid' : undefined}>
              <span className="list-editor__row">
                {multiline ? (
                  <textarea aria-label={name} value={item} rows={2} aria-invalid={Boolean(error)} onChange={(e) => onChange(replaceAt(items, i, e.target.value))} />
                ) : (
                  <input aria-label={name} value={item} autoComplete="off" aria-invalid={Boolean(error)} onChange={(e) => onChange(replaceAt(items, i, e.target.value))} />
                )}
                <ItemTools name={name} index={i} count={items.length} onMove={(by) => onChange(moveAt(items, i, by))} onRemove={() => onChange(removeAt(items, i))} />
              </span>
              {error ? <span className="field__error">{error}</span> : null}
            </li>
          );
        })}
      </ol>
      {listError ? <span className="field__error">{listError}</span> : null}
      <button type="button" className="button button--quiet" onClick={() => onChange([...items, ''])}>
        Thêm {label.toLocaleLowerCase('vi')}
      </button>
    </fieldset>
  );
}

import { useId, useState } from 'react';

interface PathListEditorProps {
  readonly legend: string;
  readonly addLabel: string;
  readonly hint: string;
  readonly paths: readonly string[];
  readonly error?: string | undefined;
  readonly disabled: boolean;
  readonly onChange: (paths: string[]) => void;
}

// A list of paths typed by the clerk (the app cannot browse the disk from a browser): each with
// "Bỏ", and a box with "Thêm" (Enter in the box adds too).
export function PathListEditor({ legend, addLabel, hint, paths, error, disabled, onChange }: PathListEditorProps) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const add = () => {
    const path = draft.trim();
    if (path === '' || paths.includes(path)) return;
    onChange([...paths, path]);
    setDraft('');
  };
  return (
    <fieldset className={`path-list${error ? ' field--invalid' : ''}`}>
      <legend>{legend}</legend>
      {paths.length === 0 ? <p className="muted">Chưa có.</p> : null}
      <ul>
        {paths.map((p) => (
          <li key={p}>
            <code>{p}</code>{' '}
            <button type="button" className="button button--quiet" disabled={disabled} aria-label={`Bỏ ${p}`} onClick={() => onChange(paths.filter((x) => x !== p))}>
              Bỏ
            </button>
          </li>
        ))}
      </ul>
      <div className="path-list__add">
        <label htmlFor={inputId}>{addLabel}</label>
        <input
          id={inputId}
          value={draft}
          autoComplete="off"
          disabled={disabled}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button" disabled={disabled || draft.trim() === ''} onClick={add}>
          Thêm
        </button>
      </div>
      <span className="field__hint">{hint}</span>
      {error ? <span className="field__error">{error}</span> : null}
    </fieldset>
  );
}

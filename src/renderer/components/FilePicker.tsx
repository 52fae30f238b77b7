import { useId } from 'react';
import { showBytes } from '../util/format.ts';

interface FilePickerProps {
  readonly label: string;
  readonly files: readonly File[];
  readonly onChange: (files: File[]) => void;
  readonly multiple?: boolean;
  readonly accept?: string;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
}

// A file box that lists what was chosen. The parent clears it by remounting (key).
export function FilePicker({ label, files, onChange, multiple = true, accept, error, disabled }: FilePickerProps) {
  const id = useId();
  return (
    <div className={`field field--wide${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" multiple={multiple} accept={accept} disabled={disabled} onChange={(e) => onChange([...(e.target.files ?? [])])} />
      {files.length > 0 ? (
        <ul className="file-list">
          {files.map((f, i) => (
            // Two chosen files may share a name and size (from different folders).
            <li key={i}>
              {f.name} ({showBytes(f.size)})
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <span className="field__error">{error}</span> : null}
    </div>
  );
}

import { type ReactNode, useRef } from 'react';
import { DATE_PLACEHOLDER } from '../util/dates.ts';
import { Field } from './Field.tsx';
import { useInitialFocus } from './use-initial-focus.ts';

interface BaseProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly wide?: boolean;
  // The first box of a form that was just opened (useInitialFocus).
  readonly initialFocus?: boolean;
  // Shown under the box: a value proposed from the attached PDF with its accept button.
  readonly aside?: ReactNode;
}

export function TextInput(props: BaseProps & { readonly list?: string; readonly inputMode?: 'numeric' | 'text' }) {
  const ref = useRef<HTMLInputElement>(null);
  useInitialFocus(ref, props.initialFocus ?? false);
  return (
    <Field label={props.label} error={props.error} hint={props.hint} aside={props.aside} required={props.required ?? false} wide={props.wide ?? false}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={props.name}
          value={props.value}
          list={props.list}
          inputMode={props.inputMode}
          ref={ref}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy}
          aria-required={props.required}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

// Dates are typed as dd/mm/yyyy; the form converts them when it sends.
export function DateInput(props: BaseProps) {
  const ref = useRef<HTMLInputElement>(null);
  useInitialFocus(ref, props.initialFocus ?? false);
  return (
    <Field label={props.label} error={props.error} hint={props.hint} aside={props.aside} required={props.required ?? false}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={props.name}
          className="input--date"
          value={props.value}
          placeholder={DATE_PLACEHOLDER}
          inputMode="numeric"
          autoComplete="off"
          ref={ref}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          aria-required={props.required}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

// `submitOnEnter`: for one-paragraph text (trích yếu) Enter saves like in any other box, since
// the server folds line breaks there anyway. requestSubmit ignores a disabled submit button, so
// the form's own in-flight guard (useInFlight) is what stops a second save.
export function TextArea(props: BaseProps & { readonly rows?: number; readonly submitOnEnter?: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useInitialFocus(ref, props.initialFocus ?? false);
  return (
    <Field label={props.label} error={props.error} hint={props.hint} aside={props.aside} required={props.required ?? false} wide>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          name={props.name}
          value={props.value}
          rows={props.rows ?? 3}
          ref={ref}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          aria-required={props.required}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={(e) => {
            if (props.submitOnEnter && e.key === 'Enter' && !e.shiftKey && !e.ctrlKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
      )}
    </Field>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectInput(props: BaseProps & { readonly options: readonly Option[]; readonly disabled?: boolean }) {
  const ref = useRef<HTMLSelectElement>(null);
  useInitialFocus(ref, props.initialFocus ?? false);
  return (
    <Field label={props.label} error={props.error} hint={props.hint} aside={props.aside} required={props.required ?? false} wide={props.wide ?? false}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={props.name}
          value={props.value}
          ref={ref}
          disabled={props.disabled}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

import { useCallback, useState } from 'react';

export type FieldErrors = Readonly<Record<string, string>>;

// The state of a form whose controls all hold text: values, per-field errors, and a setter per
// field that also clears that field's error as soon as the clerk edits it. `dirty` compares with
// the values the form started from (or was last reset to), so navigating away can ask first.
export function useForm<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [baseline, setBaseline] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = useCallback(
    (name: keyof T & string) => (value: string) => {
      setValues((v) => ({ ...v, [name]: value }));
      setErrors((e) => {
        if (!(name in e)) return e;
        const { [name]: _removed, ...rest } = e;
        return rest;
      });
    },
    [],
  );
  const reset = useCallback((next: T) => {
    setValues(next);
    setBaseline(next);
    setErrors({});
  }, []);
  const dirty = Object.keys(values).some((k) => values[k] !== baseline[k]);
  return { values, errors, setErrors, set, reset, dirty };
}

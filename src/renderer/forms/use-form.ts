import { useCallback, useState } from 'react';

export type FieldErrors = Readonly<Record<string, string>>;

// The state of a form whose controls all hold text: values, per-field errors, and a setter per
// field that also clears that field's error as soon as the clerk edits it.
export function useForm<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
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
    setErrors({});
  }, []);
  return { values, setValues, errors, setErrors, set, reset };
}

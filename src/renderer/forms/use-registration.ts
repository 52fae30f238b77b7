import { useState } from 'react';
import { useUnsavedChanges } from '../app/unsaved-changes.ts';
import { filesToUploads, type Upload } from '../util/files.ts';
import { readDates } from './dates-payload.ts';
import { type FormFailure, formFailure } from './form-errors.ts';
import { useForm } from './use-form.ts';
import { useInFlight } from './use-in-flight.ts';

interface RegistrationOptions<V extends Record<string, string>, R> {
  readonly initial: V;
  readonly fields: readonly string[];
  readonly dateFields: ReadonlyArray<keyof V & string>;
  // What the form holds for the next document: some choices carry over from the one just saved.
  readonly next: (saved: V) => V;
  readonly onSaved?: (record: R) => void;
  // A failure the form shows its own way (a suspected duplicate): true when it was handled.
  readonly onRefused?: (e: unknown) => boolean;
}

// The registration forms (Vào sổ văn bản đến, Cấp số văn bản đi): values, chosen files, and one
// save at a time. The confirmation of the last registration stays until the next one succeeds:
// a refused or failed submit does not take it away, since that document is in the register.
export function useRegistration<V extends Record<string, string>, R>(options: RegistrationOptions<V, R>) {
  const form = useForm<V>(options.initial);
  const [files, setFiles] = useState<File[]>([]);
  const [fileBox, setFileBox] = useState(0);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState<R | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(form.dirty || files.length > 0);

  // `send` gets the form's values and the chosen files read for upload; reading them is inside
  // the try, so a file that cannot be read is a message, not a form stuck in "saving".
  const save = (send: (values: V, attachments: Upload[]) => Promise<R>) =>
    run(async () => {
      const values = form.values;
      try {
        const record = await send(values, await filesToUploads(files));
        setSaved(record);
        setFailure(null);
        form.reset(options.next(values));
        setFiles([]);
        setFileBox((n) => n + 1);
        options.onSaved?.(record);
      } catch (e) {
        if (options.onRefused?.(e)) {
          setFailure(null);
          form.setErrors({});
          return;
        }
        const f = formFailure(e, options.fields, readDates(values, options.dateFields).dateBoxes);
        setFailure(f);
        form.setErrors(f.fieldErrors);
      }
    });

  return { ...form, files, setFiles, fileBox, failure, saved, busy, save };
}

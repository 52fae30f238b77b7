import { type FormEvent, useState } from 'react';
import type { SigningSettings } from '../../../shared/api/schemas/signing.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { refresh, write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Notice } from '../../components/Notice.tsx';
import { TextInput } from '../../components/inputs.tsx';
import { issuesToFieldErrors } from '../../forms/form-errors.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { PathListEditor } from './PathListEditor.tsx';
import { issueLine } from './signing-words.ts';

interface Values {
  readonly modulePaths: string[];
  readonly tsaUrl: string;
  readonly trustAnchorDirs: string[];
  readonly sealMm: string;
}

const FIELDS = ['modulePaths', 'tsaUrl', 'trustAnchorDirs', 'sealMm'];

function valuesOf(s: SigningSettings): Values {
  return { modulePaths: [...s.modulePaths], tsaUrl: s.tsaUrl ?? '', trustAnchorDirs: [...s.trustAnchorDirs], sealMm: String(s.sealMm) };
}

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

// The settings form of Cài đặt → Ký số. The boxes start from the settings as first read and keep
// what the clerk types; a save puts the server's answer back in them (what it normalised).
export function SigningSettingsForm({ saved }: { readonly saved: SigningSettings }) {
  const [values, setValues] = useState<Values>(() => valuesOf(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(valuesOf(saved)));

  const set = <K extends keyof Values>(key: K) => (v: Values[K]) => setValues((old) => ({ ...old, [key]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setMessage(null);
      const mm = Number(values.sealMm.replace(',', '.'));
      try {
        const s = await write('signing.saveSettings', {
          modulePaths: values.modulePaths,
          tsaUrl: values.tsaUrl.trim() === '' ? null : values.tsaUrl.trim(),
          trustAnchorDirs: values.trustAnchorDirs,
          ...(values.sealMm.trim() === '' || Number.isNaN(mm) ? {} : { sealMm: mm }),
        });
        setValues(valuesOf(s));
        setErrors({});
        setMessage({ tone: 'success', text: 'Đã lưu cài đặt ký số.' });
        // New module paths may find other tokens: the search starts again, and the message does
        // not wait for it (a search of the token libraries takes a while).
        void refresh(['token.list']);
      } catch (err) {
        const issues = isApiError(err) ? err.issues : [];
        setErrors(issuesToFieldErrors(issues, FIELDS));
        setMessage({ tone: 'error', text: issues.length ? issues.map(issueLine).join(' ') : errorMessage(err) });
      }
    });
  };

  return (
    <>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <form className="form" onSubmit={submit} noValidate aria-label="Cài đặt ký số">
        <PathListEditor
          legend="Thư viện PKCS#11 của thiết bị ký số (ngoài các thư viện tự tìm)"
          addLabel="Đường dẫn thư viện"
          hint="Ví dụ C:\Windows\System32\vnptca_p11_v8.dll; bấm Lưu để dùng."
          paths={values.modulePaths}
          error={errors.modulePaths}
          disabled={busy}
          onChange={set('modulePaths')}
        />
        <PathListEditor
          legend="Thư mục chứng thư gốc tin cậy (để kiểm tra chữ ký)"
          addLabel="Đường dẫn thư mục"
          hint="Thư mục chứa chứng thư gốc (.cer, .crt, .pem) của Ban Cơ yếu Chính phủ và các tổ chức được tin cậy."
          paths={values.trustAnchorDirs}
          error={errors.trustAnchorDirs}
          disabled={busy}
          onChange={set('trustAnchorDirs')}
        />
        <div className="form__grid">
          <TextInput
            label="Máy chủ dấu thời gian"
            name="tsaUrl"
            value={values.tsaUrl}
            onChange={set('tsaUrl')}
            error={errors.tsaUrl}
            hint="Để trống khi không có: chữ ký không kèm dấu thời gian (PAdES B-B)."
            wide
          />
          <TextInput label="Đường kính con dấu (mm)" name="sealMm" value={values.sealMm} onChange={set('sealMm')} error={errors.sealMm} inputMode="numeric" />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu cài đặt ký số'}
          </button>
        </div>
      </form>
    </>
  );
}

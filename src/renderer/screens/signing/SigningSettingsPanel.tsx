import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { SigningSettings } from '../../../shared/api/schemas/signing.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Notice } from '../../components/Notice.tsx';
import { TextInput } from '../../components/inputs.tsx';
import { submitOnCtrlEnter } from '../../forms/ctrl-enter.ts';
import { issuesToFieldErrors } from '../../forms/form-errors.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { PathListEditor } from './PathListEditor.tsx';
import { SignatureImages } from './SignatureImages.tsx';
import { issueLine } from './signing-words.ts';
import { TokenModulesView } from './TokenModulesView.tsx';

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

// Cài đặt → Ký số: where the token libraries are, the timestamp server, the folders of trusted
// root certificates, the seal's size, the two images; then what the app finds with them.
export function SigningSettingsPanel() {
  const [saved, setSaved] = useState<SigningSettings | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [modulesVersion, setModulesVersion] = useState(0);
  const { busy, run } = useInFlight();
  useUnsavedChanges(saved !== null && values !== null && JSON.stringify(values) !== JSON.stringify(valuesOf(saved)));

  const load = useCallback(() => {
    call('signing.settings', {})
      .then((s) => {
        setSaved(s);
        setValues(valuesOf(s));
      })
      .catch((e: unknown) => setMessage({ tone: 'error', text: `Chưa đọc được cài đặt ký số: ${errorMessage(e)}` }));
  }, []);
  useEffect(load, [load]);

  const set = <K extends keyof Values>(key: K) => (v: Values[K]) => setValues((old) => (old ? { ...old, [key]: v } : old));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values) return;
    void run(async () => {
      setMessage(null);
      const mm = Number(values.sealMm.replace(',', '.'));
      try {
        const s = await call('signing.saveSettings', {
          modulePaths: values.modulePaths,
          tsaUrl: values.tsaUrl.trim() === '' ? null : values.tsaUrl.trim(),
          trustAnchorDirs: values.trustAnchorDirs,
          ...(values.sealMm.trim() === '' || Number.isNaN(mm) ? {} : { sealMm: mm }),
        });
        setSaved(s);
        setValues(valuesOf(s));
        setErrors({});
        setMessage({ tone: 'success', text: 'Đã lưu cài đặt ký số.' });
        // New module paths may find other tokens.
        setModulesVersion((v) => v + 1);
      } catch (err) {
        const issues = isApiError(err) ? err.issues : [];
        setErrors(issuesToFieldErrors(issues, FIELDS));
        setMessage({ tone: 'error', text: issues.length ? issues.map(issueLine).join(' ') : errorMessage(err) });
      }
    });
  };

  return (
    <section className="panel" aria-labelledby="signing-title">
      <h2 id="signing-title">Ký số</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {values ? (
        <form className="form" onSubmit={submit} noValidate aria-label="Cài đặt ký số" onKeyDown={submitOnCtrlEnter}>
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
      ) : null}
      {saved ? <SignatureImages settings={saved} onSaved={setSaved} /> : null}
      <TokenModulesView version={modulesVersion} />
    </section>
  );
}

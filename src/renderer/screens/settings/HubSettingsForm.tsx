import { type FormEvent, useState } from 'react';
import type { HubSettingsView } from '../../../shared/api/schemas/hub.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Notice } from '../../components/Notice.tsx';
import { TextArea, TextInput } from '../../components/inputs.tsx';
import { issuesToFieldErrors, summarise } from '../../forms/form-errors.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { HubSecretInput } from './HubSecretInput.tsx';

interface Values {
  readonly endpoint: string;
  readonly systemId: string;
  readonly secret: string;
  readonly caCertificatePaths: string;
  readonly scheduleTime: string;
  readonly enabled: boolean;
}

const FIELDS = ['endpoint', 'systemId', 'secret', 'caCertificatePaths', 'scheduleTime', 'enabled'];

function valuesOf(v: HubSettingsView): Values {
  const s = v.settings;
  return {
    endpoint: s?.endpoint ?? '',
    systemId: s?.systemId ?? '',
    secret: '',
    caCertificatePaths: s?.caCertificatePaths.join('\n') ?? '',
    scheduleTime: s ? (s.scheduleTime ?? '') : '17:00',
    enabled: s?.enabled ?? true,
  };
}

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

// The hub connection as the clerk types it: the boxes start from the settings as first read and
// keep what is typed while the settings are read again (a directory refresh); a save puts the
// server's answer back in them. The secret box always starts empty (never shown back).
export function HubSettingsForm({ view }: { readonly view: HubSettingsView }) {
  const [values, setValues] = useState<Values>(() => valuesOf(view));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(valuesOf(view)));

  const set = <K extends keyof Values>(key: K) => (v: Values[K]) => setValues((old) => ({ ...old, [key]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setMessage(null);
      try {
        const v = await write('hub.saveSettings', {
          endpoint: values.endpoint,
          systemId: values.systemId,
          caCertificatePaths: values.caCertificatePaths.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''),
          scheduleTime: values.scheduleTime.trim() === '' ? null : values.scheduleTime.trim(),
          enabled: values.enabled,
          ...(values.secret.trim() === '' ? {} : { secret: values.secret }),
        });
        setValues(valuesOf(v));
        setErrors({});
        setMessage({ tone: 'success', text: 'Đã lưu cài đặt trục liên thông.' });
      } catch (err) {
        const issues = isApiError(err) ? err.issues : [];
        setErrors(issuesToFieldErrors(issues, FIELDS));
        setMessage({ tone: 'error', text: issues.length ? summarise(issues).join(' ') : errorMessage(err) });
      }
    });
  };

  return (
    <>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <p className="muted">
        Mã định danh cơ quan gửi, nhận văn bản: <strong>{view.organId ?? 'chưa khai báo'}</strong> (lấy từ Thông tin cơ quan).
      </p>
      <form className="form" onSubmit={submit} noValidate aria-label="Cài đặt trục liên thông">
        <div className="form__grid">
          <TextInput
            label="Địa chỉ trục liên thông"
            name="endpoint"
            value={values.endpoint}
            onChange={set('endpoint')}
            error={errors.endpoint}
            hint="Ví dụ https://truc.example.gov.vn/XrdAdapter/adapter"
            required
            wide
          />
          <TextInput label="Mã hệ thống" name="systemId" value={values.systemId} onChange={set('systemId')} error={errors.systemId} required />
          <HubSecretInput value={values.secret} onChange={set('secret')} stored={view.settings?.hasSecret ?? false} readable={view.secretReadable} error={errors.secret} />
          <TextArea
            label="Chứng thư CA của trục (mỗi dòng một tệp)"
            name="caCertificatePaths"
            value={values.caCertificatePaths}
            onChange={set('caCertificatePaths')}
            error={errors.caCertificatePaths}
            hint="Đường dẫn tệp .pem khi trục dùng chứng thư do cơ quan cấp; để trống nếu không cần."
            rows={2}
          />
          <TextInput
            label="Giờ đồng bộ cuối ngày"
            name="scheduleTime"
            value={values.scheduleTime}
            onChange={set('scheduleTime')}
            error={errors.scheduleTime}
            hint="Dạng HH:mm, ví dụ 17:00; để trống nếu chỉ đồng bộ khi bấm nút."
            inputMode="numeric"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="enabled" checked={values.enabled} onChange={(e) => set('enabled')(e.target.checked)} />
          Tự động liên thông (theo giờ đã đặt và khi mạng chuyên dùng có lại)
        </label>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu cài đặt trục'}
          </button>
        </div>
      </form>
    </>
  );
}

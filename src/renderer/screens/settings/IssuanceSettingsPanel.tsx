import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

// Cài đặt → Soạn thảo, phát hành: whether secret documents (Mật and above) may be drafted on this
// machine. The box saves as soon as it is ticked: it is one switch with nothing to fill in.
export function IssuanceSettingsPanel() {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const { busy, run } = useInFlight();

  useEffect(() => {
    let live = true;
    call('issuance.settings', {})
      .then((s) => live && setAllowed(s.allowSecretDrafts))
      .catch((e: unknown) => live && setMessage({ tone: 'error', text: `Chưa đọc được cài đặt phát hành: ${errorMessage(e)}` }));
    return () => {
      live = false;
    };
  }, []);

  // The box shows the click at once and goes back if the save is refused: a box that stays as it
  // was until the server answers reads as a click that did not take.
  const save = (allowSecretDrafts: boolean) =>
    void run(async () => {
      setMessage(null);
      const before = allowed;
      setAllowed(allowSecretDrafts);
      try {
        const s = await call('issuance.saveSettings', { allowSecretDrafts });
        setAllowed(s.allowSecretDrafts);
        setMessage({ tone: 'success', text: s.allowSecretDrafts ? 'Đã cho phép soạn văn bản mật trên máy này.' : 'Đã tắt soạn văn bản mật trên máy này.' });
      } catch (e) {
        setAllowed(before);
        setMessage({ tone: 'error', text: errorMessage(e) });
      }
    });

  return (
    <section className="panel" aria-labelledby="issuance-settings-title">
      <h2 id="issuance-settings-title">Soạn thảo, phát hành</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <label className="checkbox">
        <input type="checkbox" checked={allowed ?? false} disabled={allowed === null || busy} onChange={(e) => save(e.target.checked)} />
        Cho phép soạn văn bản mật
      </label>
      <p className="muted">Chỉ bật khi cơ quan đã cho phép máy này (không nối mạng) soạn văn bản Mật, Tối mật, Tuyệt mật; văn bản mật không bao giờ gửi điện tử.</p>
    </section>
  );
}

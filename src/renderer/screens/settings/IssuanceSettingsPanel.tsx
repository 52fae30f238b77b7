import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { LegalFontInfo } from './LegalFontInfo.tsx';

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

// Cài đặt → Soạn thảo, phát hành: whether secret documents (Mật and above) may be drafted on this
// machine. The box saves as soon as it is ticked: it is one switch with nothing to fill in.
export function IssuanceSettingsPanel() {
  const settings = useQuery(apiQuery('issuance.settings', {}));
  // What the clerk just clicked, shown while the save runs.
  const [clicked, setClicked] = useState<boolean | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const { busy, run } = useInFlight();
  const allowed = busy ? clicked : (settings.data?.allowSecretDrafts ?? null);

  // The box shows the click at once and goes back if the save is refused: a box that stays as it
  // was until the server answers reads as a click that did not take. Afterwards it shows the
  // setting as the save read it again.
  const save = (allowSecretDrafts: boolean) =>
    void run(async () => {
      setMessage(null);
      setClicked(allowSecretDrafts);
      try {
        const s = await write('issuance.saveSettings', { allowSecretDrafts });
        setMessage({ tone: 'success', text: s.allowSecretDrafts ? 'Đã cho phép soạn văn bản mật trên máy này.' : 'Đã tắt soạn văn bản mật trên máy này.' });
      } catch (e) {
        setMessage({ tone: 'error', text: errorMessage(e) });
      }
    });

  return (
    <section className="panel" aria-labelledby="issuance-settings-title">
      <h2 id="issuance-settings-title">Soạn thảo, phát hành</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {settings.error ? <Notice tone="error">{`Chưa đọc được cài đặt phát hành: ${errorMessage(settings.error)}`}</Notice> : null}
      <label className="checkbox">
        <input type="checkbox" checked={allowed ?? false} disabled={allowed === null || busy} onChange={(e) => save(e.target.checked)} />
        Cho phép soạn văn bản mật
      </label>
      <p className="muted">Chỉ bật khi cơ quan đã cho phép máy này (không nối mạng) soạn văn bản Mật, Tối mật, Tuyệt mật; văn bản mật không bao giờ gửi điện tử.</p>
      <LegalFontInfo />
    </section>
  );
}

import { useState } from 'react';
import type { AgencyDirectoryState, HubProbeResult } from '../../../shared/api/schemas/hub.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { write } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showCount } from '../../util/format.ts';
import { showDateTime } from '../../util/dates.ts';

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

// Under the hub settings: "is the specialised network up now?" and the agency directory the
// recipient choice uses offline. Both work on the saved settings; the directory's line follows the
// hub settings, which the refresh reads again.
export function HubConnectionActions(props: { readonly directory: AgencyDirectoryState; readonly disabled: boolean }) {
  const [probe, setProbe] = useState<HubProbeResult | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const { busy, run } = useInFlight();

  const check = () =>
    void run(async () => {
      setMessage(null);
      try {
        setProbe(await call('hub.probe', {}));
      } catch (e) {
        setProbe(null);
        setMessage({ tone: 'error', text: errorMessage(e) });
      }
    });

  const refresh = () =>
    void run(async () => {
      setMessage(null);
      try {
        const r = await write('hub.refreshAgencies', {});
        setMessage({ tone: 'success', text: `Đã cập nhật danh bạ: ${showCount(r.total)} cơ quan (thêm ${showCount(r.added)}, bỏ ${showCount(r.removed)}).` });
      } catch (e) {
        setMessage({ tone: 'error', text: `${errorMessage(e)} Danh bạ đã có vẫn được giữ.` });
      }
    });

  return (
    <div className="hub-actions">
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <p data-testid="hub-network" aria-live="polite">
        {probe
          ? `Mạng chuyên dùng: ${probe.reachable ? 'có' : 'không'}${probe.reachable && probe.latencyMs !== null ? ` (${showCount(probe.latencyMs)} ms)` : ''} — kiểm tra lúc ${showDateTime(probe.checkedAt)}`
          : 'Mạng chuyên dùng: chưa kiểm tra'}
      </p>
      {probe && !probe.reachable && probe.detail ? <p className="muted">{probe.detail}</p> : null}
      <p data-testid="hub-directory">
        {props.directory.refreshedAt
          ? `Danh bạ cơ quan: ${showCount(props.directory.count)} cơ quan, cập nhật lúc ${showDateTime(props.directory.refreshedAt)}`
          : 'Danh bạ cơ quan: chưa cập nhật từ trục'}
      </p>
      <div className="form__actions">
        <button type="button" className="button" disabled={busy || props.disabled} onClick={check}>
          Kiểm tra kết nối
        </button>
        <button type="button" className="button" disabled={busy || props.disabled} onClick={refresh}>
          Cập nhật danh bạ cơ quan
        </button>
      </div>
    </div>
  );
}

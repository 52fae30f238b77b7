import { ScanProgress } from './ScanProgress.tsx';
import type { ProposalState } from './use-proposals.ts';

interface ProposalNoticeProps {
  readonly state: ProposalState;
  // Fields with a proposal that differs from the box.
  readonly pending: number;
  readonly onAcceptAll: () => void;
  readonly onCancelScan: () => void;
}

// What reading the attached PDF or scan gave: proposals to confirm field by field or all at once,
// or why there are none; while a scan is recognised, its progress. A live region, so a screen
// reader hears it when the answer comes.
export function ProposalNotice({ state, pending, onAcceptAll, onCancelScan }: ProposalNoticeProps) {
  const read = state.scan ? `Đã nhận dạng chữ bản quét ${state.fileName}` : `Đã đọc tệp ${state.fileName}`;
  return (
    <div className="notice" role="status" data-testid="proposal-notice">
      {state.busy && state.scan ? (
        <ScanProgress scan={state.scan} onCancel={onCancelScan} />
      ) : state.busy ? (
        <p>Đang đọc tệp {state.fileName} để đề xuất…</p>
      ) : state.message ? (
        <p>{state.message}</p>
      ) : pending > 0 ? (
        <p>
          {read}: {pending} ô có đề xuất, hãy kiểm tra {state.scan ? 'với ảnh quét ' : ''}trước khi dùng.{' '}
          <button type="button" className="button" onClick={onAcceptAll}>
            Dùng tất cả đề xuất
          </button>
        </p>
      ) : (
        <p>{read}: các ô đã khớp với đề xuất.</p>
      )}
    </div>
  );
}

import type { ProposalState } from './use-proposals.ts';

interface ProposalNoticeProps {
  readonly state: ProposalState;
  // Fields with a proposal that differs from the box.
  readonly pending: number;
  readonly onAcceptAll: () => void;
}

// What reading the attached PDF gave: proposals to confirm field by field or all at once, or why
// there are none. A live region, so a screen reader hears it when the answer comes.
export function ProposalNotice({ state, pending, onAcceptAll }: ProposalNoticeProps) {
  return (
    <div className="notice" role="status" data-testid="proposal-notice">
      {state.busy ? (
        <p>Đang đọc tệp {state.fileName} để đề xuất…</p>
      ) : state.message ? (
        <p>{state.message}</p>
      ) : pending > 0 ? (
        <p>
          Đã đọc tệp {state.fileName}: {pending} ô có đề xuất, hãy kiểm tra trước khi dùng.{' '}
          <button type="button" className="button" onClick={onAcceptAll}>
            Dùng tất cả đề xuất
          </button>
        </p>
      ) : (
        <p>Đã đọc tệp {state.fileName}: các ô đã khớp với đề xuất.</p>
      )}
    </div>
  );
}

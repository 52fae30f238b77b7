import { useId } from 'react';
import type { FieldProposal } from '../../../shared/api/schemas/prefill.ts';

interface ProposalChipProps {
  readonly label: string;
  readonly proposal: FieldProposal;
  // The value as the box shows it (dates as dd/mm/yyyy).
  readonly shown: string;
  readonly onAccept: () => void;
}

// A value read from the attached PDF, under its box: never filled in by itself; the clerk takes
// it with the button (a real button: Tab reaches it, Enter or Space takes it) and may still edit.
// The button's name carries the value only (with the box's label in it, that label would name
// two controls); the box's label describes it.
export function ProposalChip({ label, proposal, shown, onAccept }: ProposalChipProps) {
  const describedBy = useId();
  return (
    <span className="field__proposal" data-testid="field-proposal">
      <span id={describedBy} className="visually-hidden">
        {label}
      </span>
      <span>
        Đề xuất: <strong>{shown}</strong>
      </span>{' '}
      <button type="button" className="button button--quiet" onClick={onAccept} aria-label={`Dùng đề xuất “${shown}”`} aria-describedby={describedBy} title={`Đọc từ: ${proposal.source} (trang ${proposal.page})`}>
        Dùng
      </button>
    </span>
  );
}

import type { DuplicateMatch } from '../../../shared/api/schemas/documents.ts';
import { useApp } from '../../app/app-context.ts';
import { showDate } from '../../util/dates.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

interface DuplicateWarningProps {
  readonly matches: readonly DuplicateMatch[];
  readonly saving: boolean;
  readonly onRegisterAnyway: () => void;
}

const REASONS: Record<DuplicateMatch['reason'], string> = {
  'same-number-notation-agency': 'cùng số, ký hiệu và cơ quan ban hành',
  'same-document-identifier': 'cùng mã văn bản',
};

// Văn bản đã vào sổ trông giống văn bản này (nd30-rules §4.2): shown before saving, with a way to
// register anyway when the clerk has checked that it is a different document.
export function DuplicateWarning({ matches, saving, onRegisterAnyway }: DuplicateWarningProps) {
  const { navigate } = useApp();
  return (
    <div className="notice notice--warning" role="alert" data-testid="duplicate-warning">
      <p>
        <strong>Có thể trùng:</strong> văn bản này có vẻ đã được vào sổ. Kiểm tra lại trước khi vào sổ.
      </p>
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            Số đến {m.number}/{m.year} — {numberNotation(m)}, {m.issuingAgency}, ngày {showDate(m.documentDate)} ({REASONS[m.reason]}
            {m.status === 'void' ? ', đã hủy' : ''}): {m.subject}{' '}
            <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'document', id: m.id })}>
              Xem
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--warning" onClick={onRegisterAnyway} disabled={saving}>
        Vẫn vào sổ
      </button>
    </div>
  );
}

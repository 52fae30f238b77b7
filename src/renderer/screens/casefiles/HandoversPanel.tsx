import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { useFocusRescue } from '../../app/use-focus-rescue.ts';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { HandoverForm } from './HandoverForm.tsx';

// Nộp lưu of the year's files: the handovers made (each opening its screen, where its forms and
// package are made) and a new one.
export function HandoversPanel({ year }: { readonly year: number }) {
  const { navigate } = useApp();
  const handovers = useQuery(apiQuery('caseFiles.handovers', { year }));
  const [making, setMaking] = useState(false);
  const rescueFocus = useFocusRescue();
  const rows = handovers.data ?? [];
  return (
    <section className="panel" aria-labelledby="handovers-title">
      <h2 id="handovers-title">Nộp lưu vào Lưu trữ cơ quan</h2>
      {handovers.error ? <Notice tone="error">{errorMessage(handovers.error)}</Notice> : null}
      {handovers.data && rows.length === 0 ? <p className="muted">Chưa nộp lưu hồ sơ nào của danh mục năm {year}.</p> : null}
      {rows.length > 0 ? (
        <ul className="handover-list">
          {rows.map((h) => (
            <li key={h.id}>
              <button type="button" className="link-button" onClick={() => navigate({ name: 'handover', id: h.id })}>
                Lần nộp lưu {h.id}: {h.files.length} hồ sơ ({h.files.map((f) => f.notation).join(', ')})
              </button>{' '}
              <span className="muted">
                lúc {showDateTime(h.createdAt)}, {h.giverName} giao, {h.receiverName} nhận
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {making ? (
        <HandoverForm
          year={year}
          onCancel={() => {
            setMaking(false);
            rescueFocus();
          }}
          onDone={(h) => navigate({ name: 'handover', id: h.id })}
        />
      ) : (
        <button type="button" className="button" onClick={() => setMaking(true)}>
          Lập lần nộp lưu mới…
        </button>
      )}
    </section>
  );
}

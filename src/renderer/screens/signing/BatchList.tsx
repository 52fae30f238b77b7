import type { SignResult } from '../../../shared/api/schemas/signing.ts';
import type { RevisionKind } from './signing-words.ts';
import { REVISION_NAMES } from './signing-words.ts';

export interface SignFile {
  readonly documentId: number;
  readonly sha256: string;
  readonly name: string;
  readonly revisionKind: RevisionKind | null;
}

type ItemResult = SignResult['results'][number];

function outcome(r: ItemResult | undefined): { text: string; tone: string } {
  if (!r) return { text: 'Chờ ký', tone: 'pending' };
  if (r.status === 'signed') {
    const note = r.messageVi ? ` ${r.messageVi}` : '';
    return { text: `Đã ký (${r.level ?? ''}): ${r.file?.name ?? ''}.${note}`, tone: 'done' };
  }
  if (r.status === 'failed') return { text: `Không ký được: ${r.messageVi ?? ''}`, tone: 'overdue' };
  return { text: `Chưa ký: ${r.messageVi ?? 'phiên ký đã dừng.'}`, tone: 'void' };
}

interface BatchListProps {
  readonly files: readonly SignFile[];
  readonly result: SignResult | null;
  readonly previewKey: string;
  readonly onPreview: (file: SignFile) => void;
}

// The files of one signing, each with what happened to it, and why the batch stopped if it did.
export function BatchList({ files, result, previewKey, onPreview }: BatchListProps) {
  const key = (f: { documentId: number; sha256: string }) => `${f.documentId}:${f.sha256}`;
  return (
    <section className="batch" aria-label="Các tệp cần ký">
      {result ? (
        <p role="status" className="batch__summary">
          Đã ký {result.signed}/{files.length} tệp{result.failed > 0 ? `, ${result.failed} tệp không ký được` : ''}.
          {result.stoppedVi ? ` Dừng ký: ${result.stoppedVi}` : ''}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Tệp</th>
            <th scope="col">Kết quả</th>
            {files.length > 1 ? (
              <th scope="col">
                <span className="visually-hidden">Xem trước</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {files.map((f) => {
            // The latest result for the file: a retry's answer comes after the first one's.
            const r = result?.results.findLast((x) => key(x) === key(f));
            const o = outcome(r);
            return (
              <tr key={key(f)} className={key(f) === previewKey ? 'batch__row--preview' : undefined}>
                <td>
                  {f.name}
                  <span className="muted"> · {f.revisionKind ? REVISION_NAMES[f.revisionKind] : 'Tệp gốc'}</span>
                </td>
                <td>
                  <span className={`badge badge--${o.tone}`}>{o.text}</span>
                </td>
                {files.length > 1 ? (
                  <td>
                    <button type="button" className="button button--quiet" onClick={() => onPreview(f)} aria-pressed={key(f) === previewKey}>
                      Xem trang ký
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

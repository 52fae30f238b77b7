import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CaseFileRecord } from '../../../shared/api/schemas/casefiles.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { useDebounced } from '../../util/use-debounced.ts';
import { CaseFileBadge } from '../casefiles/CaseFileBadge.tsx';
import { fileName } from '../casefiles/casefile-words.ts';

// Found files shown at once: a plan has a few dozen files, a search narrows them to a handful.
const SHOWN = 10;

interface CaseFilesPanelProps {
  readonly documentId: number;
  readonly onStart: () => void;
  readonly onChanged: (message: string) => void;
}

// Hồ sơ of a document (Appendix VI III.4): the files it is in, each opening its screen, and
// filing into an open file of this year's plan, found by notation or title, or withdrawing from
// one. One document may be in several files (III.4.e). What may not be done (a closed or
// handed-over file, a secret or void document) is the server's to refuse, in its own words.
export function CaseFilesPanel({ documentId, onStart, onChanged }: CaseFilesPanelProps) {
  const { info, navigate } = useApp();
  const year = Number(info.today.slice(0, 4));
  const searchId = useId();
  const filed = useQuery(apiQuery('caseFiles.ofDocument', { documentId }));
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const found = useQuery({
    ...apiQuery('caseFiles.list', { year, status: 'open', query }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  });
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const files = filed.data ?? [];
  const inFiles = new Set(files.map((f) => f.id));
  const candidates = query === '' ? [] : (found.data ?? []).filter((f) => !inFiles.has(f.id));

  const change = (work: () => Promise<string>) =>
    void run(async () => {
      onStart();
      setRefusal(null);
      try {
        onChanged(await work());
      } catch (err) {
        setRefusal(errorMessage(err));
      }
    });
  const file = (f: CaseFileRecord) =>
    change(async () => {
      await write('caseFiles.addDocument', { caseFileId: f.id, documentId });
      setSearch('');
      return `Đã đưa văn bản vào ${fileName(f)}.`;
    });
  const withdraw = (f: CaseFileRecord) =>
    change(async () => {
      await write('caseFiles.removeDocument', { caseFileId: f.id, documentId });
      return `Đã rút văn bản khỏi ${fileName(f)}.`;
    });

  return (
    <section className="panel" aria-labelledby="document-files-title">
      <h2 id="document-files-title">Hồ sơ</h2>
      {filed.error ? <Notice tone="error">{`Chưa tải được hồ sơ của văn bản: ${errorMessage(filed.error)}`}</Notice> : null}
      {refusal ? (
        <Notice tone="error">
          <p data-testid="filing-refusal">{refusal}</p>
        </Notice>
      ) : null}
      {filed.data && files.length === 0 ? <p className="muted">Văn bản chưa thuộc hồ sơ nào.</p> : null}
      {files.length > 0 ? (
        <ul className="case-file-links" aria-label="Hồ sơ có văn bản này">
          {files.map((f) => (
            <li key={f.id}>
              <button type="button" className="link-button" onClick={() => navigate({ name: 'case-file', id: f.id })}>
                {fileName(f)}: {f.title}
              </button>{' '}
              <CaseFileBadge status={f.status} />{' '}
              <button type="button" className="button button--quiet" disabled={busy} aria-label={`Rút khỏi ${fileName(f)}`} onClick={() => withdraw(f)}>
                Rút khỏi hồ sơ
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field field--search">
        <label htmlFor={searchId}>Đưa vào hồ sơ đang lập năm {year}</label>
        <input id={searchId} type="search" value={search} placeholder="Số và ký hiệu (01.VP) hoặc tiêu đề hồ sơ" onChange={(e) => setSearch(e.target.value)} />
      </div>
      {found.error ? <Notice tone="error">{errorMessage(found.error)}</Notice> : null}
      {query !== '' && found.data && candidates.length === 0 ? <p className="muted">Không có hồ sơ đang lập nào khớp.</p> : null}
      {candidates.length > 0 ? (
        <ul className="case-file-links" aria-label="Hồ sơ đang lập tìm thấy">
          {candidates.slice(0, SHOWN).map((f) => (
            <li key={f.id}>
              {f.notation} — {f.title}{' '}
              <button type="button" className="button" disabled={busy} aria-label={`Đưa vào ${fileName(f)}`} onClick={() => file(f)}>
                Đưa vào hồ sơ
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

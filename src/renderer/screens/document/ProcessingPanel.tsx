import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import type { ProcessingEntry } from '../../../shared/api/schemas/processing.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call, downloadExport, isBridgeMode } from '../../api/client.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { saveBlob } from '../../util/files.ts';
import { InstructionForm } from './InstructionForm.tsx';
import { type OpinionKind, OpinionForm } from './OpinionForm.tsx';
import { DistributionTable, ProcessingHistoryList } from './ProcessingHistoryList.tsx';

type Editing = { readonly kind: 'instruction' | OpinionKind; readonly corrects: ProcessingEntry | null } | null;

const ACTIONS: ReadonlyArray<{ kind: 'instruction' | OpinionKind; label: string }> = [
  { kind: 'instruction', label: 'Ghi ý kiến chỉ đạo' },
  { kind: 'unit_instruction', label: 'Ý kiến lãnh đạo đơn vị' },
  { kind: 'proposal', label: 'Ghi đề xuất' },
  { kind: 'status', label: 'Tiến độ, kết quả' },
];

interface ProcessingPanelProps {
  readonly doc: DocumentRecord;
  readonly onStart: () => void;
  readonly onSaved: (doc: DocumentRecord) => void;
}

// Chỉ đạo, phân phối and giải quyết of an incoming document (docs/processing.md): who has it now,
// the history as recorded (never edited: a correction is a new entry), one form at a time for the
// next entry, and the phiếu giải quyết văn bản đến printed from it.
export function ProcessingPanel({ doc, onStart, onSaved }: ProcessingPanelProps) {
  const history = useQuery(apiQuery('processing.history', { id: doc.id }));
  const [editing, setEditing] = useState<Editing>(null);
  const [slip, setSlip] = useState<{ fileName: string; path: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const h = history.data;

  const start = (next: Editing) => {
    onStart();
    setNote(null);
    setEditing(next);
  };

  const printSlip = () =>
    void run(async () => {
      onStart();
      setNote(null);
      try {
        const result = await write('processing.printSlip', { id: doc.id });
        setSlip(result);
        const { opened } = await call('books.openExport', { fileName: result.fileName });
        if (!opened) setNote('Không mở được tệp bằng chương trình của máy. Hãy tải tệp về hoặc mở trong thư mục đã lưu.');
      } catch (err) {
        setNote(errorMessage(err));
      }
    });

  const saved = (next: { document: DocumentRecord }) => {
    setEditing(null);
    onSaved(next.document);
  };

  return (
    <section className="panel" aria-labelledby="processing-title">
      <h2 id="processing-title">Chỉ đạo, phân phối và giải quyết</h2>
      {history.error ? <Notice tone="error">{`Chưa tải được quá trình giải quyết: ${errorMessage(history.error)}`}</Notice> : null}
      <DistributionTable rows={h?.distribution ?? []} />
      {editing === null ? (
        <div className="form__actions">
          {ACTIONS.filter((a) => a.kind !== 'unit_instruction' || (h?.distribution.some((d) => d.unit) ?? false)).map((a) => (
            <button key={a.kind} type="button" className="button" onClick={() => start({ kind: a.kind, corrects: null })}>
              {a.label}
            </button>
          ))}
          <button type="button" className="button" disabled={busy} onClick={printSlip}>
            {busy ? 'Đang in…' : 'In phiếu giải quyết'}
          </button>
        </div>
      ) : editing.kind === 'instruction' ? (
        <InstructionForm documentId={doc.id} corrects={editing.corrects} onCancel={() => setEditing(null)} onSaved={saved} />
      ) : (
        <OpinionForm
          kind={editing.kind}
          documentId={doc.id}
          distribution={h?.distribution ?? []}
          corrects={editing.corrects}
          onCancel={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {slip ? (
        <Notice tone="success">
          <p data-testid="slip-result">
            Đã in phiếu giải quyết vào tệp <code>{slip.path}</code>
          </p>
          {isBridgeMode() ? (
            <button
              type="button"
              className="button"
              onClick={() =>
                void downloadExport(slip.fileName)
                  .then((blob) => saveBlob(blob, slip.fileName))
                  .catch((err: unknown) => setNote(errorMessage(err)))
              }
            >
              Tải về {slip.fileName}
            </button>
          ) : null}
        </Notice>
      ) : null}
      {note ? <Notice tone="info">{note}</Notice> : null}
      <ProcessingHistoryList
        entries={h?.entries ?? []}
        onCorrect={editing === null ? (e) => start({ kind: e.kind === 'reply' ? 'status' : e.kind, corrects: e }) : undefined}
      />
    </section>
  );
}

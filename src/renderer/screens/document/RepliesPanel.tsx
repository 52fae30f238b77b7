import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import type { ReplyLink } from '../../../shared/api/schemas/replies.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';

// The reply is either a register row (an incoming document shows its replies, an outgoing one
// what it answers) or a document still in the issuance workflow, named by its issuance before it
// has a number (docs/processing.md, Replies: where a link is kept).
export type RepliesOf = { readonly doc: DocumentRecord } | { readonly issuance: IssuanceRecord };

interface RepliesPanelProps {
  readonly of: RepliesOf;
  readonly onStart: () => void;
  readonly onChanged: (message: string | null) => void;
}

const incomingName = (l: ReplyLink) =>
  `số ${l.incoming.numberNotation ?? '—'} ngày ${formatVietnameseDate(l.incoming.documentDate)} của ${l.incoming.issuingAgency ?? '—'} (số đến ${l.incoming.arrivalNumber}/${l.incoming.year})`;

const replyName = (l: ReplyLink) =>
  l.reply.numberNotation && l.reply.documentDate
    ? `số ${l.reply.numberNotation} ngày ${formatVietnameseDate(l.reply.documentDate)}`
    : `(dự thảo chưa cấp số: ${l.reply.subject})`;

// A link not yet closed: its reply will close it at the register step, unless it was voided
// before (voiding leaves the links unclosed: docs/processing.md, Replies).
const pendingNote = (l: ReplyLink) =>
  l.reply.issuanceState === 'void' ? ' — văn bản trả lời đã bị hủy trước khi vào sổ: không đóng xử lý' : ' — sẽ đóng xử lý khi văn bản trả lời được vào sổ';

// What the panel asks and names for each kind of reply: the incoming side only shows; a reply
// may name more documents while it is active (a register row) or not void (an issuance).
function sides(of: RepliesOf) {
  if ('issuance' in of) {
    const id = of.issuance.id;
    return { list: { issuanceId: id }, answering: true, canLink: of.issuance.state !== 'void', reply: { issuanceId: id } };
  }
  const { doc } = of;
  return { list: { documentId: doc.id }, answering: doc.direction === 'outgoing', canLink: doc.direction === 'outgoing' && doc.status === 'active', reply: { outgoingId: doc.id } };
}

// "Trả lời văn bản số …" (docs/processing.md, Replies): an incoming document shows the replies
// that answer it; a reply (an outgoing document, or a draft on the issuance screen) the incoming
// documents it answers, and lets the clerk name more or withdraw one not yet closed. An issued
// reply closes the incoming document at once; a draft at its register step.
export function RepliesPanel({ of, onStart, onChanged }: RepliesPanelProps) {
  const { list, answering, canLink, reply } = sides(of);
  const replies = useQuery(apiQuery('replies.list', list));
  const links = replies.data?.links ?? [];
  const [search, setSearch] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const found = useQuery({
    ...apiQuery('documents.list', { direction: 'incoming', query: search.trim(), status: 'active', limit: 10, withTotal: false }),
    enabled: canLink && search.trim().length > 0,
  });
  if (!answering && links.length === 0) return null;

  const change = (work: () => Promise<string>) =>
    void run(async () => {
      onStart();
      setNote(null);
      try {
        onChanged(await work());
      } catch (err) {
        setNote(errorMessage(err));
      }
    });
  const linked = new Set(links.map((l) => l.incoming.id));
  const candidates = (found.data?.rows ?? []).filter((d) => !linked.has(d.id));

  return (
    <section className="panel" aria-labelledby="replies-title">
      <h2 id="replies-title">{answering ? 'Trả lời văn bản đến' : 'Văn bản trả lời'}</h2>
      {note ? <Notice tone="error">{note}</Notice> : null}
      <ul aria-label={answering ? 'Văn bản được trả lời' : 'Văn bản trả lời'}>
        {links.map((l) => (
          <li key={l.id}>
            {answering ? `Trả lời văn bản ${incomingName(l)}` : `Đã trả lời bằng văn bản ${replyName(l)}`}
            {l.closedEntryId === null ? pendingNote(l) : null}
            {answering && l.closedEntryId === null ? (
              <button
                type="button"
                className="button button--quiet"
                disabled={busy}
                aria-label={`Bỏ văn bản được trả lời số đến ${l.incoming.arrivalNumber}/${l.incoming.year}`}
                onClick={() => change(async () => (await write('replies.unlink', { linkId: l.id }), 'Đã bỏ văn bản được trả lời.'))}
              >
                Bỏ
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canLink ? (
        <div>
          <label>
            Tìm văn bản đến được trả lời
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Số, ký hiệu, trích yếu…" />
          </label>
          <ul aria-label="Văn bản đến tìm thấy">
            {candidates.map((d) => (
              <li key={d.id}>
                {`Số đến ${d.number}/${d.year}: ${d.codeNumber ?? ''}/${d.codeNotation ?? ''} — ${d.subject}`}{' '}
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={`Trả lời văn bản đến số ${d.number}/${d.year}`}
                  onClick={() =>
                    change(async () => {
                      const l = await write('replies.link', { incomingId: d.id, ...reply });
                      setSearch('');
                      return l.closedEntryId !== null ? 'Đã ghi văn bản được trả lời và đóng việc giải quyết văn bản đến.' : 'Đã ghi văn bản được trả lời.';
                    })
                  }
                >
                  Trả lời văn bản này
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

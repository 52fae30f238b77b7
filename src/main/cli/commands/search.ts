import { listQuery } from '../../../shared/api/schemas/documents.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { listDocuments } from '../../registry/listing.ts';
import { integer, optional, parse } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

// `vanthu search --profile DIR QUERY`: full text over subject, notation, issuing agency, signer
// and notes, diacritics ignored, in both registers unless --kind says which; with the same
// filters as the register list.
export async function search(args: string[]): Promise<CommandResult> {
  const p = parse(
    args,
    {
      kind: { type: 'string' },
      year: { type: 'string' },
      type: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      status: { type: 'string' },
      priority: { type: 'string' },
      limit: { type: 'string' },
    },
    true,
  );
  const query = p.positionals.join(' ').trim();
  const kind = optional(p, 'kind') ?? 'all';
  const directions = kind === 'all' ? (['incoming', 'outgoing'] as const) : [kind];
  const queries = directions.map((direction) =>
    parseOrThrow(
      listQuery,
      {
        direction,
        query: query || undefined,
        year: integer(p, 'year'),
        documentType: optional(p, 'type'),
        from: optional(p, 'from'),
        to: optional(p, 'to'),
        status: optional(p, 'status'),
        priority: optional(p, 'priority'),
        limit: integer(p, 'limit') ?? 50,
      },
      'search',
    ),
  );
  return withProfile(p, (profile) => {
    const results = queries.map((q) => ({ direction: q.direction, ...listDocuments(profile, q) }));
    const lines = results.flatMap((r) =>
      r.rows.map(
        (d) =>
          `${d.direction === 'incoming' ? `Đến ${d.number}/${d.year}` : `Đi ${numberNotation(d)}`}\t` +
          `${formatVietnameseDate(d.documentDate)}\t${d.issuingAgency}\t${d.subject}${d.status === 'void' ? ' [ĐÃ HỦY]' : ''}`,
      ),
    );
    const total = results.reduce((n, r) => n + (r.total ?? r.rows.length), 0);
    return {
      json: { query, results },
      text: [...lines, `${total} văn bản${lines.length < total ? ` (hiện ${lines.length})` : ''}.`].join('\n'),
    };
  });
}

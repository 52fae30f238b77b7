import type { z } from 'zod';
import { type todayUnissued, TODAY_ROWS } from '../../../shared/api/schemas/today.ts';
import type { IssuanceState } from '../../../shared/api/schemas/issuance.ts';
import { vietnamToday } from '../../../shared/domain/dates.ts';
import { PRIORITIES } from '../../../shared/domain/priority.ts';
import { nextWorkingDay } from '../../../shared/domain/working-days.ts';
import { statement } from '../../db/statements.ts';
import type { RegistryContext } from '../context.ts';

type Item = z.infer<typeof todayUnissued>;

// Art. 18.1: an outgoing document "phải hoàn thành thủ tục tại Văn thư cơ quan và phát hành trong
// ngày văn bản đó được ký, chậm nhất là trong ngày làm việc tiếp theo", an urgent one "ngay sau khi
// ký". Signed means the leader's approval (ký duyệt); done means sent out, the workflow's last
// step (distributed): numbering, the agency signature and the register entry are the clerk's
// procedures in between. The day of signing is the day the approved file was stored, in Vietnam
// time. Served by issuances_state (state, id) and issuance_files_issuance.
const WAITING: readonly IssuanceState[] = ['approved', 'numbered', 'issued', 'registered'];

interface Row {
  issuanceId: number;
  documentId: number | null;
  state: IssuanceState;
  documentTypeName: string;
  subject: string;
  codeNumber: string | null;
  codeNotation: string | null;
  priority: number;
  approvedAt: string | null;
  updatedAt: string;
}

export function unissued(ctx: RegistryContext, today: string): { total: number; late: number; rows: Item[] } {
  const rows = statement(
    ctx.db,
    `SELECT i.id AS issuanceId, i.document_id AS documentId, i.state, i.document_type_name AS documentTypeName, i.subject,
       d.code_number AS codeNumber, d.code_notation AS codeNotation, i.priority, i.updated_at AS updatedAt,
       (SELECT min(f.added_at) FROM issuance_files f WHERE f.issuance_id = i.id AND f.step = 'approved') AS approvedAt
     FROM issuances i LEFT JOIN documents d ON d.id = i.document_id
     WHERE i.state IN (${WAITING.map((s) => `'${s}'`).join(', ')})`,
  ).all() as Row[];
  // Few by nature (a commune signs a handful a day), so the deadline is worked out here, where
  // the working-day rule lives, and the list sorted by it.
  const items = rows.map((r): Item => {
    const approvedOn = vietnamToday(new Date(r.approvedAt ?? r.updatedAt));
    const urgent = r.priority >= 1;
    const issueBy = urgent ? approvedOn : nextWorkingDay(approvedOn);
    return {
      issuanceId: r.issuanceId,
      documentId: r.documentId,
      state: r.state,
      documentTypeName: r.documentTypeName,
      subject: r.subject,
      codeNumber: r.codeNumber,
      codeNotation: r.codeNotation,
      priority: PRIORITIES[r.priority] ?? 'thuong',
      approvedOn,
      issueBy,
      late: today > issueBy,
    };
  });
  items.sort((a, b) => a.issueBy.localeCompare(b.issueBy) || a.issuanceId - b.issuanceId);
  return { total: items.length, late: items.filter((i) => i.late).length, rows: items.slice(0, TODAY_ROWS) };
}

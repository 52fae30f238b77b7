import type { UnitDeadlines } from '../../shared/api/schemas/processing.ts';
import { assigneeName, distributionOf } from '../../shared/domain/processing-history.ts';
import { PRIORITIES } from '../../shared/domain/priority.ts';
import { today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { readEntries } from './processing-entries.ts';

const UNASSIGNED = 'Chưa giao đơn vị';

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface OpenRow {
  id: number;
  number: number;
  year: number;
  subject: string;
  priority: number;
  due_date: string | null;
}

type UnitDocument = UnitDeadlines['units'][number]['documents'][number];

// Overdue and due soon per unit (Appendix VI III.1.l–m: follow up and urge each unit): every
// open incoming document, each unit of its distribution with that unit's deadline (the
// document's when the instruction gave the unit none). A document with a deadline and nobody to
// handle it is listed under "Chưa giao đơn vị". Open documents are few (the partial index
// documents_open_processing holds only them), so the distribution is worked out per document.
export function unitDeadlines(ctx: RegistryContext, withinDays: number): UnitDeadlines {
  const now = today(ctx.clock);
  const horizon = addDays(now, withinDays);
  const open = ctx.db
    .prepare(
      `SELECT id, number, year, subject, priority, due_date FROM documents
       WHERE processing_status IS NOT NULL AND processing_status <> 'done' AND status = 'active' AND direction = 'incoming'
       ORDER BY id`,
    )
    .all() as OpenRow[];
  const byUnit = new Map<string, UnitDocument[]>();
  const add = (unit: string, d: UnitDocument) => byUnit.set(unit, [...(byUnit.get(unit) ?? []), d]);
  for (const doc of open) {
    const rows = distributionOf(readEntries(ctx, doc.id));
    const base = { documentId: doc.id, number: doc.number, year: doc.year, subject: doc.subject, priority: PRIORITIES[doc.priority] ?? 'thuong' };
    if (rows.length === 0 && doc.due_date !== null && doc.due_date <= horizon) {
      add(UNASSIGNED, { ...base, role: 'lead', person: null, dueDate: doc.due_date, overdue: doc.due_date < now });
    }
    for (const r of rows) {
      const due = r.dueDate ?? doc.due_date;
      if (due === null || due > horizon) continue;
      add(r.unit ?? assigneeName(r), { ...base, role: r.role, person: r.person, dueDate: due, overdue: due < now });
    }
  }
  const units = [...byUnit].map(([unit, documents]) => {
    documents.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.documentId - b.documentId);
    const overdue = documents.filter((d) => d.overdue).length;
    return { unit, overdue, dueSoon: documents.length - overdue, documents };
  });
  // The units with the most overdue first, then the most due soon, then by name.
  units.sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.unit.localeCompare(b.unit, 'vi'));
  return { today: now, withinDays, units };
}

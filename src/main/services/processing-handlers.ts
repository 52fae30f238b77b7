import { join } from 'node:path';
import { vietnamFileStamp } from '../../shared/domain/dates.ts';
import { writeTransaction } from '../db/connection.ts';
import { listProcessing, updateProcessing } from '../registry/processing.ts';
import { processingHistory, recordProcessing } from '../registry/processing-record.ts';
import { unitDeadlines } from '../registry/unit-deadlines.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// Handling incoming documents: the processing history, deadlines per unit, the phiếu giải quyết
// (docs/processing.md).
export function createProcessingHandlers({ ready, resources }: Pick<HandlerDeps, 'ready' | 'resources'>): HandlersOf<'processing'> {
  return {
    'processing.list': (input) => listProcessing(ready(), input),
    'processing.update': (input) => updateProcessing(ready(), input),
    'processing.history': (input) => processingHistory(ready(), input.id),
    'processing.record': (input) => recordProcessing(ready(), input),
    'processing.unitDeadlines': (input) => unitDeadlines(ready(), input.withinDays),
    'processing.printSlip': async (input) => {
      const p = ready();
      const doc = processingHistory(p, input.id).document;
      // Among the exports, so that books.openExport opens it like a printed register.
      const fileName = `phieu-giai-quyet-den-${doc.year}-${doc.number}-${vietnamFileStamp(p.clock.now())}.pdf`;
      const path = join(p.paths.exports, fileName);
      // pdf-lib and the fonts load on first use, as for the register books.
      const { writeProcessingSlip } = await import('../books/slip/write-slip.ts');
      const bytes = await writeProcessingSlip(p, input.id, path, resources.fonts);
      // Printing is a use of the record (Appendix VI III.6.l): in the audit log too.
      writeTransaction(p.db, () => p.audit.append({ action: 'processing.printSlip', entityType: 'document', entityId: input.id, details: { fileName, bytes } }));
      return { fileName, path, bytes };
    },
  };
}

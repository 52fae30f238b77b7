import { addDocument, filesOfDocument, removeDocument } from '../casefiles/filing.ts';
import { approvePlan, createPlan, setNumbering } from '../casefiles/plans.ts';
import { caseFileDetail } from '../casefiles/contents.ts';
import { closeFile, reopenFile } from '../casefiles/closing.ts';
import { listCaseFiles } from '../casefiles/file-list.ts';
import { saveFile } from '../casefiles/files.ts';
import { dueHandovers, getHandover, handOver, listHandovers } from '../casefiles/handover.ts';
import { saveHeading } from '../casefiles/headings.ts';
import { readPlan } from '../casefiles/plan-read.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// Case files: the year's plan, filing, closing and the handover (docs/case-files.md).
export function createCaseFileHandlers({ ready }: Pick<HandlerDeps, 'ready'>): HandlersOf<'caseFiles'> {
  return {
    'caseFiles.plan': (input) => readPlan(ready(), input.year),
    'caseFiles.createPlan': (input) => createPlan(ready(), input),
    'caseFiles.setNumbering': (input) => setNumbering(ready(), input),
    'caseFiles.approvePlan': (input) => approvePlan(ready(), input),
    'caseFiles.saveHeading': (input) => saveHeading(ready(), input),
    'caseFiles.saveFile': (input) => saveFile(ready(), input),
    'caseFiles.list': (input) => listCaseFiles(ready(), input),
    'caseFiles.detail': (input) => caseFileDetail(ready(), input.id),
    'caseFiles.ofDocument': (input) => filesOfDocument(ready(), input.documentId),
    'caseFiles.addDocument': (input) => addDocument(ready(), input),
    'caseFiles.removeDocument': (input) => removeDocument(ready(), input),
    'caseFiles.close': (input) => closeFile(ready(), input.id),
    'caseFiles.reopen': (input) => reopenFile(ready(), input.id, input.reason),
    'caseFiles.handOver': (input) => handOver(ready(), input),
    'caseFiles.handovers': (input) => listHandovers(ready(), input.year),
    'caseFiles.handover': (input) => getHandover(ready(), input.id),
    'caseFiles.dueHandovers': (input) => dueHandovers(ready(), input.withinDays),
  };
}

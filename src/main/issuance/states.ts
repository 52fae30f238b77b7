import { ISSUANCE_STEPS, type IssuanceState } from '../../shared/api/schemas/issuance.ts';
import { AppError } from '../../shared/errors.ts';

// No step of the workflow (ISSUANCE_STEPS) can be skipped or done twice, and nothing follows a void.
const WORKFLOW = ISSUANCE_STEPS;

export type Step = Exclude<IssuanceState, 'draft' | 'void'>;

const DONE_VI: Readonly<Record<Exclude<IssuanceState, 'void'>, string>> = {
  draft: 'soạn thảo',
  submitted: 'trình ký',
  approved: 'ký duyệt',
  numbered: 'cấp số',
  issued: 'ký phát hành',
  registered: 'vào sổ văn bản đi',
  distributed: 'phân phối (gửi)',
};

// Refuses a step that is not the next one, in words the clerk can act on.
export function requireNext(id: number, current: IssuanceState, step: Step): void {
  if (current === 'void') {
    throw new AppError('CONFLICT', 'Văn bản này đã bị hủy: không làm tiếp bước nào được.', `issuance ${id} is void; ${step} refused`);
  }
  const at = WORKFLOW.indexOf(current);
  const want = WORKFLOW.indexOf(step);
  if (at >= want) {
    throw new AppError('CONFLICT', `Văn bản đã ${DONE_VI[step]} rồi: mỗi bước chỉ làm một lần.`, `issuance ${id} is ${current}; ${step} already done`);
  }
  if (at < want - 1) {
    const missing = WORKFLOW[want - 1] as Exclude<IssuanceState, 'void'>;
    throw new AppError(
      'CONFLICT',
      `Văn bản chưa ${DONE_VI[missing]}: phải ${DONE_VI[missing]} trước khi ${DONE_VI[step]}.`,
      `issuance ${id} is ${current}; ${step} needs ${missing} first`,
    );
  }
}

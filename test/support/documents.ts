import { incomingInput, outgoingInput, type IncomingInput, type OutgoingInput } from '../../src/shared/api/schemas/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import type { RegistryContext } from '../../src/main/registry/context.ts';

let counter = 0;

// A valid incoming document; each call gets its own number so none looks like a duplicate.
export function incoming(overrides: Partial<IncomingInput> = {}): IncomingInput {
  counter++;
  return {
    issuingAgency: 'Ủy ban nhân dân tỉnh Quảng Nam',
    codeNumber: String(100 + counter),
    codeNotation: 'QĐ-UBND',
    documentDate: '2026-03-01',
    documentType: 'Quyết định',
    subject: `Về việc kiểm tra công tác văn thư lần ${counter}`,
    ...overrides,
  };
}

export function outgoing(overrides: Partial<OutgoingInput> = {}): OutgoingInput {
  return {
    documentType: 'Quyết định',
    subject: 'Về việc thành lập Tổ công tác',
    signerName: 'Nguyễn Văn An',
    signerPosition: 'Chủ tịch',
    ...overrides,
  };
}

export function addIncoming(ctx: RegistryContext, overrides: Partial<IncomingInput> = {}) {
  return registerIncoming(ctx, incomingInput.parse(incoming(overrides)));
}

export function addOutgoing(ctx: RegistryContext, overrides: Partial<OutgoingInput> = {}) {
  return registerOutgoing(ctx, outgoingInput.parse(outgoing(overrides)));
}

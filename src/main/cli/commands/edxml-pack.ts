import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { BUSINESS_DOC_TYPES, type BusinessKind } from '../../edxml/model.ts';
import { buildDocumentPackage } from '../../sync/document-package.ts';
import { optional, parse, required, requiredInteger } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

const BUSINESS_VI: Readonly<Record<BusinessKind, string>> = { new: 'văn bản mới', revoke: 'thu hồi', update: 'cập nhật', replace: 'thay thế' };

function businessKind(value: string | undefined): BusinessKind {
  if (value === undefined) return 'new';
  if (Object.hasOwn(BUSINESS_DOC_TYPES, value)) return value as BusinessKind;
  throw new AppError('INVALID_INPUT', '--business phải là new, revoke, update hoặc replace.', `bad --business ${value}`);
}

// `vanthu edxml pack --profile DIR --document ID --out FILE [--business new|revoke|update|replace]
// [--reason TEXT] [--json]`: the edXML package of an outgoing document, as the sync would send it.
export async function edxmlPack(args: string[]): Promise<CommandResult> {
  const p = parse(args, { document: { type: 'string' }, out: { type: 'string' }, business: { type: 'string' }, reason: { type: 'string' } });
  const id = requiredInteger(p, 'document');
  const out = resolve(required(p, 'out'));
  const kind = businessKind(optional(p, 'business'));
  const reason = optional(p, 'reason');
  const built = await withProfile(p, (profile) =>
    buildDocumentPackage(profile, id, out, { businessType: BUSINESS_DOC_TYPES[kind], ...(reason !== undefined ? { reason } : {}) }),
  );
  const json = { path: built.path, bytes: built.bytes, sha256: built.sha256, recipients: built.recipients, documentId: built.documentId };
  const text = [
    `Đã đóng gói văn bản ${built.documentId} (${BUSINESS_VI[kind]}) vào ${built.path}: ${built.bytes} byte.`,
    `  Gửi tới: ${built.recipients.join(', ')}`,
    `  SHA-256: ${built.sha256}`,
  ].join('\n');
  return { json, text };
}

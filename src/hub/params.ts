import type { AuthenticatedRequest } from './auth.ts';
import { HubFailure } from './envelope.ts';
import type { MessageType } from './store.ts';

export function param(auth: AuthenticatedRequest, name: string): string | undefined {
  const v = auth.params.get(name.toLowerCase());
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export function requiredParam(auth: AuthenticatedRequest, name: string): string {
  const v = param(auth, name);
  if (v === undefined) throw new HubFailure('INVALID_REQUEST', `Thiếu tham số ${name}.`, `missing parameter ${name}`);
  return v;
}

export function messageTypeParam(auth: AuthenticatedRequest, required: boolean): MessageType | undefined {
  const v = required ? requiredParam(auth, 'messagetype') : param(auth, 'messagetype');
  if (v === undefined) return undefined;
  const t = v.toLowerCase();
  if (t !== 'edoc' && t !== 'status') {
    throw new HubFailure('INVALID_REQUEST', `messagetype phải là edoc hoặc status (nhận được "${v}").`, `bad messagetype ${v}`);
  }
  return t;
}

export function positiveIntParam(auth: AuthenticatedRequest, name: string): number | undefined {
  const v = param(auth, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new HubFailure('INVALID_REQUEST', `${name} phải là số nguyên dương.`, `bad ${name} ${v}`);
  return Number(v);
}

// The SDK sends `to` as the JSON text of what its caller gave (an array, or a quoted string);
// plain comma- or semicolon-separated codes are accepted too.
export function recipientList(to: string): string[] {
  let list: unknown;
  try {
    list = JSON.parse(to);
  } catch {
    list = to.split(/[;,]/);
  }
  const items = Array.isArray(list) ? list : [list];
  return [...new Set(items.map((x) => String(x).trim()).filter((x) => x !== ''))];
}

import { z } from 'zod';
import { ORGAN_ID } from './config.ts';
import type { Operation } from './context.ts';
import { HubFailure, okEnvelope } from './envelope.ts';
import { param } from './params.ts';
import { readSmallBody } from './request-body.ts';
import { sendJson } from './respond.ts';
import { vietnamDateTime } from './trace-header.ts';

export const getAgenciesList: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const data = ctx.directory.active().map((a) => ({ id: a.id, code: a.code, name: a.name, mail: a.mail, pid: a.pid, oldCode: '' }));
  await sendJson(call.res, 200, okEnvelope({ data }), call.responseFaults);
};

// The hub keeps one code per agency: it is both the QĐ 20 code and the QCVN 102 code. `level`
// is accepted and not used.
export const getAgenciesListQD20: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const data = ctx.directory.active().map((a) => ({ id: a.id, code: a.code, name: a.name, mail: a.mail, code102: a.code }));
  await sendJson(call.res, 200, okEnvelope({ data }), call.responseFaults);
};

// Deleted agencies stay listed with deleted=true so a client's cached directory can drop them.
export const getSynchronizeUnit: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const data = ctx.directory.all().map((a) => ({
    id: a.id,
    code: a.code,
    name: a.name,
    mail: a.mail,
    pid: a.pid,
    version: 1,
    centerCode: '',
    deleted: a.deleted,
    modifyDate: vietnamDateTime(a.modifiedAt),
    isAgency: true,
  }));
  await sendJson(call.res, 200, okEnvelope({ data }), call.responseFaults);
};

const agencyBody = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  pcode: z.string().optional(),
  code: z.string().max(35).regex(ORGAN_ID),
  name: z.string().min(1),
  mail: z.string().optional(),
  mobile: z.string().optional(),
  fax: z.string().optional(),
});

// Registers (or updates) an agency spoken for by the calling system.
export const registerAgency: Operation = async (ctx, call) => {
  const text = await readSmallBody(call.req);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HubFailure('INVALID_REQUEST', 'Nội dung đăng ký đơn vị không phải JSON.', 'registerAgency body is not JSON');
  }
  const parsed = agencyBody.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new HubFailure('INVALID_REQUEST', `Thông tin đơn vị không hợp lệ: ${detail}`, `registerAgency body invalid: ${detail}`);
  }
  const a = parsed.data;
  const existing = ctx.directory.find(a.code);
  if (existing && (existing.fromSystemsFile || existing.systemId !== call.auth.systemId)) {
    throw new HubFailure('CONFLICT', `Mã đơn vị ${a.code} đã có trong danh bạ.`, `agency ${a.code} already exists`);
  }
  ctx.store.registerAgency(
    {
      code: a.code,
      id: a.id === undefined ? a.code : String(a.id),
      pcode: a.pcode ?? '',
      name: a.name,
      mail: a.mail ?? '',
      mobile: a.mobile ?? '',
      fax: a.fax ?? '',
      systemId: call.auth.systemId,
    },
    ctx.now(),
  );
  await sendJson(call.res, 200, okEnvelope(), call.responseFaults);
};

// Only agencies the caller registered through the API; those of the systems file stay.
export const deleteAgency: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const plain = call.req.headers.agencycode;
  const code = param(call.auth, 'AgencyCode') ?? (typeof plain === 'string' ? plain.trim() : undefined);
  if (!code) throw new HubFailure('INVALID_REQUEST', 'Thiếu tham số AgencyCode.', 'missing AgencyCode');
  const existing = ctx.directory.find(code);
  if (!existing) throw new HubFailure('NOT_FOUND', `Không có đơn vị ${code} trong danh bạ.`, `agency ${code} unknown`);
  if (existing.fromSystemsFile || existing.systemId !== call.auth.systemId) {
    throw new HubFailure('FORBIDDEN', `Hệ thống không được xóa đơn vị ${code}.`, `${call.auth.systemId} may not delete ${code}`);
  }
  ctx.store.markAgencyDeleted(code, ctx.now());
  await sendJson(call.res, 200, okEnvelope(), call.responseFaults);
};

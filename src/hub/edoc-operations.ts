import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { fsyncDirectory, mapFsError } from '../main/files/durable-fs.ts';
import type { HubContext, Operation, OperationCall } from './context.ts';
import { base64Length, base64Of, deliveredBytes, deliveredLength, type DeliveredForm } from './delivery.ts';
import { HubFailure, okEnvelope } from './envelope.ts';
import { messageTypeParam, param, positiveIntParam, recipientList, requiredParam } from './params.ts';
import { readSmallBody } from './request-body.ts';
import { sendBody, sendJson } from './respond.ts';
import type { DeliveryRecord } from './store.ts';
import { traceHeaderBytes, vietnamDateTime } from './trace-header.ts';
import { receiveUpload } from './upload.ts';

const STATUS_DESC: Record<string, string> = {
  initial: 'Chờ nhận',
  processing: 'Đang xử lý',
  done: 'Đã nhận',
  fail: 'Nhận lỗi',
};

function ownAgencies(ctx: HubContext, call: OperationCall): string[] {
  return ctx.directory.agencyCodesOf(call.auth.systemId);
}

function notFound(docId: string): HubFailure {
  return new HubFailure('NOT_FOUND', `Không tìm thấy văn bản ${docId} gửi tới đơn vị của hệ thống.`, `docId ${docId} unknown or not addressed to the caller`);
}

// A delivery addressed to one of the caller's agencies, or NOT_FOUND.
function ownDelivery(ctx: HubContext, call: OperationCall): DeliveryRecord {
  const docId = requiredParam(call.auth, 'docId');
  const d = ctx.store.delivery(docId);
  if (!d || !ownAgencies(ctx, call).includes(d.toCode)) throw notFound(docId);
  return d;
}

function deliveredForm(ctx: HubContext, d: DeliveryRecord): DeliveredForm {
  const p = ctx.store.package(d.senderDocId);
  if (!p) throw notFound(d.receiverDocId);
  const path = ctx.store.packagePath(p.fileName);
  if (!p.trace) return { path, size: p.size, offset: p.size, insert: Buffer.alloc(0) };
  return { path, size: p.size, offset: p.trace.offset, insert: traceHeaderBytes(p.trace, ctx.hubOrganId, p.createdAt) };
}

export const sendEdoc: Operation = async (ctx, call) => {
  const { auth } = call;
  const from = requiredParam(auth, 'from');
  const messageType = messageTypeParam(auth, true) ?? 'edoc';
  if (!ownAgencies(ctx, call).includes(from)) {
    throw new HubFailure('FORBIDDEN', `Đơn vị ${from} không thuộc hệ thống ${auth.systemId}.`, `from ${from} is not an agency of ${auth.systemId}`);
  }
  const upload = await receiveUpload(call.req, ctx.store.tempDir, ctx.bucket, param(auth, 'hash-file'));
  let stored = false;
  try {
    const h = upload.header;
    if (h.fromOrganId !== from) {
      throw new HubFailure(
        'PACKAGE_REFUSED',
        `Mã đơn vị gửi trong gói tin (${h.fromOrganId || 'trống'}) khác tham số from (${from}).`,
        `package From/OrganId ${h.fromOrganId} differs from header from ${from}`,
      );
    }
    const to = param(auth, 'to');
    const recipients = to !== undefined ? recipientList(to) : messageType === 'edoc' ? [...h.toOrganIds] : [...h.responseForOrganIds];
    if (recipients.length === 0) {
      const where = messageType === 'edoc' ? 'To/OrganId' : 'ResponseFor/OrganId';
      throw new HubFailure('PACKAGE_REFUSED', `Gói tin không có đơn vị nhận (${where}).`, `no recipient in ${where}`);
    }
    const unknown = recipients.filter((code) => ctx.directory.find(code) === undefined);
    if (unknown.length > 0) {
      throw new HubFailure('UNKNOWN_RECIPIENT', `Đơn vị nhận không có trong danh bạ của trục: ${unknown.join(', ')}.`, `unknown recipients ${unknown.join(',')}`);
    }
    const docId = randomUUID();
    const fileName = `${docId}.edxml`;
    const target = ctx.store.packagePath(fileName);
    try {
      await rename(upload.tempPath, target);
      fsyncDirectory(ctx.store.packagesDir);
    } catch (e) {
      throw mapFsError(e, target);
    }
    stored = true;
    try {
      ctx.store.addPackage(
        {
          docId,
          messageType,
          serviceType: param(auth, 'servicetype') ?? 'eDoc',
          fromCode: from,
          systemId: auth.systemId,
          fileName,
          size: upload.size,
          sha256: upload.sha256,
          title: h.title,
          notation: h.notation,
          trace: messageType === 'edoc' ? h.trace : null,
          recipients,
          receiverDocIds: recipients.map(() => randomUUID()),
        },
        ctx.now(),
      );
    } catch (e) {
      await rm(target, { force: true });
      throw e;
    }
    await sendJson(call.res, 200, okEnvelope({ DocId: docId }), call.responseFaults);
  } finally {
    if (!stored) await rm(upload.tempPath, { force: true });
  }
};

function receivedItem(d: DeliveryRecord): Record<string, unknown> {
  return {
    docId: d.receiverDocId,
    serviceType: d.serviceType,
    messageType: d.messageType,
    created_time: vietnamDateTime(d.createdAt),
    updated_time: vietnamDateTime(d.updatedAt),
    from: d.fromCode,
    to: d.toCode,
    status: d.status,
    status_desc: d.statusDesc || (STATUS_DESC[d.status] ?? ''),
  };
}

// Pending items only. `status` filters among pending states (initial, processing); any other
// value is ignored, because the SDK still carries the `status` of its last updateStatus call.
// pageIndex counts from 1.
export const getReceivedEdocList: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const { auth } = call;
  const messageType = messageTypeParam(auth, false);
  const status = param(auth, 'status')?.toLowerCase();
  const pageSize = positiveIntParam(auth, 'pageSize');
  const pageIndex = positiveIntParam(auth, 'pageIndex') ?? 1;
  const items = ctx.store.pendingQueue({
    toCodes: ownAgencies(ctx, call),
    messageType,
    status: status === 'initial' || status === 'processing' ? status : undefined,
    limit: pageSize,
    offset: pageSize === undefined ? 0 : (pageIndex - 1) * pageSize,
  });
  await sendJson(call.res, 200, okEnvelope({ data: items.map(receivedItem) }), call.responseFaults);
};

function countOf(messageType: 'edoc' | 'status'): Operation {
  return async (ctx, call) => {
    await readSmallBody(call.req);
    await sendJson(call.res, 200, okEnvelope({ count: ctx.store.countPending(ownAgencies(ctx, call), messageType) }), call.responseFaults);
  };
}

export const countReceiveEdoc = countOf('edoc');
export const countReceiveStatus = countOf('status');

// The whole package as base64 inside the JSON envelope, encoded while it streams from disk.
export const getEdoc: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const d = ownDelivery(ctx, call);
  const form = deliveredForm(ctx, d);
  ctx.store.recordDownload(d.receiverDocId, ctx.now());
  const head = Buffer.from(JSON.stringify(okEnvelope({ data: '' })).slice(0, -2), 'utf8');
  const tail = Buffer.from('"}', 'utf8');
  const length = head.length + base64Length(deliveredLength(form)) + tail.length;
  async function* body(): AsyncGenerator<Buffer> {
    yield head;
    yield* base64Of(deliveredBytes(form));
    yield tail;
  }
  await sendBody(call.res, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': length }, body(), call.responseFaults);
};

// One `bytes=start-[end]` range, so an interrupted download can resume; anything else gets the
// whole package.
function parseRange(header: string | undefined, total: number): { from: number; to: number } | 'unsatisfiable' | undefined {
  const m = header === undefined ? null : /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Math.min(Number(m[2]) + 1, total) : total;
  if (from >= total || to <= from) return 'unsatisfiable';
  return { from, to };
}

export const downloadEdoc: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const d = ownDelivery(ctx, call);
  const form = deliveredForm(ctx, d);
  const total = deliveredLength(form);
  const range = parseRange(call.req.headers.range, total);
  if (range === 'unsatisfiable') {
    await sendBody(call.res, 416, { 'Content-Range': `bytes */${total}`, 'Content-Length': 0 }, [], call.responseFaults);
    return;
  }
  ctx.store.recordDownload(d.receiverDocId, ctx.now());
  const headers = {
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${d.receiverDocId}.edxml"`,
    'Accept-Ranges': 'bytes',
  };
  if (range === undefined) {
    await sendBody(call.res, 200, { ...headers, 'Content-Length': total }, deliveredBytes(form), call.responseFaults);
  } else {
    await sendBody(
      call.res,
      206,
      { ...headers, 'Content-Length': range.to - range.from, 'Content-Range': `bytes ${range.from}-${range.to - 1}/${total}` },
      deliveredBytes(form, range.from, range.to),
      call.responseFaults,
    );
  }
};

// done and fail take the item off the list; processing keeps it listed. Only for deliveries to
// the caller's own agencies. Repeating an ack is accepted (and counted).
export const updateStatus: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const d = ownDelivery(ctx, call);
  const status = requiredParam(call.auth, 'status').toLowerCase();
  if (status !== 'done' && status !== 'fail' && status !== 'processing') {
    throw new HubFailure('INVALID_REQUEST', `status phải là done, fail hoặc processing (nhận được "${status}").`, `bad status ${status}`);
  }
  const now = ctx.now();
  ctx.store.updateStatus(d.receiverDocId, status, param(call.auth, 'description') ?? '', now);
  if (status !== 'processing' && ctx.faults.redeliverAcks > 0) {
    ctx.faults.redeliverAcks -= 1;
    ctx.store.redeliver(d.receiverDocId, now);
  }
  await sendJson(call.res, 200, okEnvelope(), call.responseFaults);
};

function sentItem(d: DeliveryRecord): Record<string, unknown> {
  return {
    serviceType: d.serviceType,
    messageType: d.messageType,
    senderDocId: d.senderDocId,
    receiverDocId: d.receiverDocId,
    fromCode: d.fromCode,
    toCode: d.toCode,
    title: d.title,
    notation: d.notation,
    sentTime: vietnamDateTime(d.createdAt),
    receivedTime: d.firstDownloadAt === null ? '' : vietnamDateTime(d.firstDownloadAt),
    sendStatus: 'done',
    sendStatusDesc: 'Đã gửi lên trục',
    receiveStatus: d.status,
    receiveStatusDesc: d.statusDesc || (STATUS_DESC[d.status] ?? ''),
  };
}

// One item per (package, recipient) sent by any of the caller's agencies, oldest first.
export const getSentEdocList: Operation = async (ctx, call) => {
  await readSmallBody(call.req);
  const items = ctx.store.sentBy(ownAgencies(ctx, call), { messageType: messageTypeParam(call.auth, false), docId: param(call.auth, 'docId') });
  await sendJson(call.res, 200, okEnvelope({ data: items.map(sentItem) }), call.responseFaults);
};

import { z } from 'zod';

// The hub's JSON, read leniently: the SDK takes every field with getAsString(), so numbers and
// strings are interchangeable, and a missing field is null rather than an error.
const text = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v)));
const integer = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => {
    const n = typeof v === 'string' ? Number(v) : v;
    return typeof n === 'number' && Number.isInteger(n) ? n : null;
  });
const flag = z
  .union([z.boolean(), z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : v === true || v === 'true' || v === 1 || v === '1'));

export const envelopeSchema = z.looseObject({
  status: text,
  ErrorCode: text,
  ErrorDesc: text,
});
export type Envelope = z.output<typeof envelopeSchema>;

export const receivedEdocSchema = z
  .looseObject({
    docId: z.union([z.string().min(1), z.number()]).transform(String),
    serviceType: text,
    messageType: text,
    created_time: text,
    updated_time: text,
    from: text,
    to: text,
    status: text,
    status_desc: text,
  })
  .transform((r) => ({
    docId: r.docId,
    serviceType: r.serviceType,
    messageType: r.messageType,
    createdTime: r.created_time,
    updatedTime: r.updated_time,
    from: r.from,
    to: r.to,
    status: r.status,
    statusDesc: r.status_desc,
  }));
export type ReceivedEdoc = z.output<typeof receivedEdocSchema>;

export const sentEdocSchema = z
  .looseObject({
    serviceType: text,
    messageType: text,
    senderDocId: text,
    receiverDocId: text,
    fromCode: text,
    toCode: text,
    title: text,
    notation: text,
    sentTime: text,
    receivedTime: text,
    sendStatus: text,
    sendStatusDesc: text,
    receiveStatus: text,
    receiveStatusDesc: text,
  })
  .transform(({ serviceType, messageType, senderDocId, receiverDocId, fromCode, toCode, title, notation, sentTime, receivedTime, sendStatus, sendStatusDesc, receiveStatus, receiveStatusDesc }) => ({
    serviceType, messageType, senderDocId, receiverDocId, fromCode, toCode, title, notation, sentTime, receivedTime, sendStatus, sendStatusDesc, receiveStatus, receiveStatusDesc,
  }));
export type SentEdoc = z.output<typeof sentEdocSchema>;

export const agencySchema = z
  .looseObject({ id: text, code: text, name: text, mail: text, pid: text, oldCode: text })
  .transform(({ id, code, name, mail, pid, oldCode }) => ({ id, code, name, mail, pid, oldCode }));
export type Agency = z.output<typeof agencySchema>;

export const agencyQd20Schema = z
  .looseObject({ id: text, code: text, name: text, mail: text, code102: text })
  .transform(({ id, code, name, mail, code102 }) => ({ id, code, name, mail, code102 }));
export type AgencyQd20 = z.output<typeof agencyQd20Schema>;

export const synchronizeUnitSchema = z
  .looseObject({
    id: text,
    code: text,
    name: text,
    mail: text,
    pid: text,
    version: integer,
    centerCode: text,
    deleted: flag,
    modifyDate: text,
    isAgency: flag,
  })
  .transform(({ id, code, name, mail, pid, version, centerCode, deleted, modifyDate, isAgency }) => ({
    id, code, name, mail, pid, version, centerCode, deleted, modifyDate, isAgency,
  }));
export type SynchronizeUnit = z.output<typeof synchronizeUnitSchema>;

export const countSchema = z.looseObject({ count: integer });
export const sendResultSchema = z.looseObject({ DocId: z.union([z.string().min(1), z.number()]).transform(String) });

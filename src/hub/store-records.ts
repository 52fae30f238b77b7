// The hub store's records as its callers see them, the rows they are read from, and the mapping
// between the two.
export type MessageType = 'edoc' | 'status';
export type DeliveryStatus = 'initial' | 'processing' | 'done' | 'fail';

// Where the hub's TraceHeader goes in this package: a byte offset into the stored file, the
// namespace prefix in scope there, and whether a TraceHeaderList must be created around it.
export interface TraceInsertion {
  readonly offset: number;
  readonly prefix: string;
  readonly wrapList: boolean;
}

// A stored package as the records API shows it.
export interface PackageRecord {
  readonly docId: string;
  readonly messageType: MessageType;
  readonly serviceType: string;
  readonly fromCode: string;
  readonly systemId: string;
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
  readonly title: string;
  readonly notation: string;
  readonly trace: TraceInsertion | null;
  readonly createdAt: number;
}

// A package being stored: its recipients and their receiver docIds; the time is the store's.
export interface NewPackage extends Omit<PackageRecord, 'createdAt'> {
  readonly recipients: readonly string[];
  readonly receiverDocIds: readonly string[];
}

export interface DeliveryRecord {
  readonly receiverDocId: string;
  readonly senderDocId: string;
  readonly messageType: MessageType;
  readonly serviceType: string;
  readonly fromCode: string;
  readonly toCode: string;
  readonly title: string;
  readonly notation: string;
  readonly status: DeliveryStatus;
  readonly statusDesc: string;
  // Still listed by getReceivedEdocList.
  readonly pending: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly firstDownloadAt: number | null;
  readonly downloadCount: number;
  // updateStatus done/fail calls received for this delivery.
  readonly ackCount: number;
  readonly redeliveredCount: number;
}

export interface RegisteredAgency {
  readonly code: string;
  readonly id: string;
  readonly pcode: string;
  readonly name: string;
  readonly mail: string;
  readonly mobile: string;
  readonly fax: string;
  readonly systemId: string;
  readonly deleted: boolean;
  readonly modifiedAt: number;
}

export interface QueueQuery {
  readonly toCodes: readonly string[];
  readonly messageType?: MessageType;
  readonly status?: 'initial' | 'processing';
  readonly limit?: number;
  readonly offset?: number;
}

export interface PackageRow {
  doc_id: string;
  message_type: MessageType;
  service_type: string;
  from_code: string;
  system_id: string;
  file_name: string;
  size: number;
  sha256: string;
  title: string;
  notation: string;
  trace_offset: number | null;
  trace_prefix: string | null;
  trace_wrap_list: number;
  created_at: number;
}

export interface DeliveryRow {
  receiver_doc_id: string;
  doc_id: string;
  message_type: MessageType;
  service_type: string;
  from_code: string;
  to_code: string;
  title: string;
  notation: string;
  status: DeliveryStatus;
  status_desc: string;
  pending: number;
  created_at: number;
  updated_at: number;
  first_download_at: number | null;
  download_count: number;
  ack_count: number;
  redelivered_count: number;
}

export interface AgencyRow {
  code: string;
  id: string;
  pcode: string;
  name: string;
  mail: string;
  mobile: string;
  fax: string;
  system_id: string;
  deleted: number;
  modified_at: number;
}

export const DELIVERY_SELECT = `SELECT d.receiver_doc_id, d.doc_id, p.message_type, p.service_type, p.from_code, d.to_code, p.title,
  p.notation, d.status, d.status_desc, d.pending, d.created_at, d.updated_at, d.first_download_at, d.download_count,
  d.ack_count, d.redelivered_count FROM deliveries d JOIN packages p ON p.doc_id = d.doc_id`;

export function toPackage(r: PackageRow): PackageRecord {
  return {
    docId: r.doc_id,
    messageType: r.message_type,
    serviceType: r.service_type,
    fromCode: r.from_code,
    systemId: r.system_id,
    fileName: r.file_name,
    size: r.size,
    sha256: r.sha256,
    title: r.title,
    notation: r.notation,
    trace: r.trace_offset === null ? null : { offset: r.trace_offset, prefix: r.trace_prefix ?? '', wrapList: r.trace_wrap_list === 1 },
    createdAt: r.created_at,
  };
}

export function toDelivery(r: DeliveryRow): DeliveryRecord {
  return {
    receiverDocId: r.receiver_doc_id,
    senderDocId: r.doc_id,
    messageType: r.message_type,
    serviceType: r.service_type,
    fromCode: r.from_code,
    toCode: r.to_code,
    title: r.title,
    notation: r.notation,
    status: r.status,
    statusDesc: r.status_desc,
    pending: r.pending === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    firstDownloadAt: r.first_download_at,
    downloadCount: r.download_count,
    ackCount: r.ack_count,
    redeliveredCount: r.redelivered_count,
  };
}

export function toAgency(r: AgencyRow): RegisteredAgency {
  return {
    code: r.code,
    id: r.id,
    pcode: r.pcode,
    name: r.name,
    mail: r.mail,
    mobile: r.mobile,
    fax: r.fax,
    systemId: r.system_id,
    deleted: r.deleted === 1,
    modifiedAt: r.modified_at,
  };
}

import type { TraceInsertion } from './store.ts';

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// `yyyy/MM/dd HH:mm:ss` in Vietnam time (UTC+7, no daylight saving), as edXML writes date-times.
export function vietnamDateTime(ms: number): string {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// The bytes the hub inserts at the package's trace offset: one TraceHeader with the hub's
// OrganId and the time the package reached the hub (fixed per package, so every download of it
// is byte-identical and a download can resume with a Range request). Uses the prefix in scope at
// the insertion point; a document package without a TraceHeaderList gets one after its header.
export function traceHeaderBytes(insertion: TraceInsertion, hubOrganId: string, receivedAt: number): Buffer {
  const q = (local: string): string => (insertion.prefix ? `${insertion.prefix}:${local}` : local);
  const header =
    `<${q('TraceHeader')}><${q('OrganId')}>${escapeXml(hubOrganId)}</${q('OrganId')}>` +
    `<${q('Timestamp')}>${vietnamDateTime(receivedAt)}</${q('Timestamp')}></${q('TraceHeader')}>`;
  return Buffer.from(insertion.wrapList ? `<${q('TraceHeaderList')}>${header}</${q('TraceHeaderList')}>` : header, 'utf8');
}

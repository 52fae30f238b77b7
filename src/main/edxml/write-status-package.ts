import { AppError } from '../../shared/errors.ts';
import type { StatusHeader } from './model.ts';
import { toWireDate, toWireDateTime } from './wire-format.ts';
import { writeOrganization, writePackageFile, type WrittenPackage } from './write-common.ts';

const STATUS_CODE = /^\d{2}$/;

// A status package: header only, in the order of the official per-code status samples
// (vnpt-status_<name>_<code>.edxml), which differs from the document samples for From's names,
// ResponseFor and StaffInfo.
export async function writeStatusPackage(header: StatusHeader, outPath: string): Promise<WrittenPackage> {
  if (!STATUS_CODE.test(header.statusCode)) {
    throw new AppError('INVALID_INPUT', `Mã trạng thái phải có hai chữ số: ${header.statusCode}.`, `status code must be two digits: ${header.statusCode}`);
  }
  return writePackageFile(outPath, async (w) => {
    await w.open('edXML:edXMLHeader');
    await w.open('edXML:MessageHeader');
    await writeOrganization(w, 'edXML:From', header.from, 'status');
    const r = header.responseFor;
    await w.open('edXML:ResponseFor');
    await w.leaf('edXML:OrganId', r.organId);
    await w.leaf('edXML:Code', r.code);
    await w.leaf('edXML:PromulgationDate', r.promulgationDate === null ? '' : toWireDate(r.promulgationDate));
    await w.leaf('edXML:DocumentId', r.documentId);
    await w.close();
    const s = header.staffInfo;
    await w.open('edXML:StaffInfo');
    await w.leaf('edXML:Department', s.department);
    await w.leaf('edXML:Staff', s.staff);
    await w.leaf('edXML:Mobile', s.mobile);
    await w.leaf('edXML:Email', s.email);
    await w.close();
    await w.leaf('edXML:StatusCode', header.statusCode);
    await w.leaf('edXML:Description', header.description);
    await w.leaf('edXML:Timestamp', header.timestamp === null ? '' : toWireDateTime(header.timestamp));
    await w.close();
    await w.close();
  });
}

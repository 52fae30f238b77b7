import { AppError } from '../../shared/errors.ts';
import { unsafeNameReason } from './attachment-name.ts';
import { DurableOutput } from './durable-output.ts';
import { EDXML_NS, type Organization } from './model.ts';
import { XmlWriter } from './xml-writer.ts';

export interface WrittenPackage {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

// The official samples order Organization's names differently in document packages and in
// status packages; each writer follows its own samples.
export type OrganizationOrder = 'document' | 'status';

export async function writeOrganization(w: XmlWriter, tag: string, org: Organization, order: OrganizationOrder): Promise<void> {
  await w.open(tag);
  await w.leaf('edXML:OrganId', org.organId);
  if (order === 'document') {
    await w.leaf('edXML:OrganizationInCharge', org.organizationInCharge);
    await w.leaf('edXML:OrganName', org.organName);
  } else {
    await w.leaf('edXML:OrganName', org.organName);
    await w.leaf('edXML:OrganizationInCharge', org.organizationInCharge);
  }
  await w.leaf('edXML:OrganAdd', org.organAdd);
  await w.leaf('edXML:Email', org.email);
  await w.leaf('edXML:Telephone', org.telephone);
  await w.leaf('edXML:Fax', org.fax);
  await w.leaf('edXML:Website', org.website);
  await w.close();
}

// Root and envelope as in the samples: the default namespace on the root, the `edXML` prefix
// bound on the envelope. `body` writes everything inside the envelope; `after` what follows it.
export async function writePackageFile(
  outPath: string,
  body: (w: XmlWriter) => Promise<void>,
  after: (w: XmlWriter) => Promise<void> = async () => undefined,
): Promise<WrittenPackage> {
  const out = await DurableOutput.create(outPath);
  try {
    const w = new XmlWriter(out);
    await w.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
    await w.open('edXML', { xmlns: EDXML_NS });
    await w.open('edXML:edXMLEnvelope', { 'xmlns:edXML': EDXML_NS });
    await body(w);
    await w.close();
    await after(w);
    await w.close();
    const { bytes, sha256 } = await out.commit();
    return { path: outPath, bytes, sha256 };
  } catch (e) {
    await out.abort();
    throw e;
  }
}

export function checkOutgoingName(name: string): void {
  const why = unsafeNameReason(name);
  if (why !== null) {
    throw new AppError('INVALID_INPUT', `Tên tệp đính kèm "${name}" không dùng được để gửi đi.`, `unsafe attachment name ${JSON.stringify(name)}: ${why}`);
  }
}

import { vietnamDateTime } from '../../shared/domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { Organization } from '../edxml/model.ts';
import type { WrittenPackage } from '../edxml/write-common.ts';
import { writeStatusPackage } from '../edxml/write-status-package.ts';
import type { Profile } from '../profile/open-profile.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

// Our agency as the From of a package, from the agency profile (the one place its organId is kept).
export function agencyOrganization(p: Profile): Organization {
  const agency = getAgencyProfile(p);
  if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'agency profile missing');
  return {
    organId: agency.organId,
    organizationInCharge: agency.parentName ?? '',
    organName: agency.name,
    organAdd: agency.address ?? '',
    email: agency.email ?? '',
    telephone: agency.phone ?? '',
    fax: '',
    website: agency.website ?? '',
  };
}

interface InboxRef {
  from_organ_id: string;
  code_number: string;
  code_notation: string;
  document_date: string | null;
  edxml_document_id: string;
}

// A status package about an incoming document (edxml.md): ResponseFor names the original and its
// sender, so that the hub routes it back there.
export async function buildStatusPackage(p: Profile, inboxId: number, statusCode: string, description: string, outPath: string): Promise<WrittenPackage> {
  const inbox = statement(p.db, 'SELECT from_organ_id, code_number, code_notation, document_date, edxml_document_id FROM inbox WHERE id = ?').get(inboxId) as
    | InboxRef
    | undefined;
  if (!inbox) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản đến này.', `inbox ${inboxId} not found`);
  return writeStatusPackage(
    {
      from: agencyOrganization(p),
      responseFor: {
        organId: inbox.from_organ_id,
        code: `${numberNotation({ codeNumber: inbox.code_number, codeNotation: inbox.code_notation })}`,
        promulgationDate: inbox.document_date,
        documentId: inbox.edxml_document_id,
      },
      staffInfo: { department: '', staff: '', email: '', mobile: '' },
      statusCode,
      description,
      timestamp: vietnamDateTime(p.clock.now()).slice(0, 19),
    },
    outPath,
  );
}

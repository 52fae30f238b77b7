import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isAppError } from '../../src/shared/errors.ts';
import type { Business, DocumentHeader, Organization, StatusHeader } from '../../src/main/edxml/model.ts';
import { ROOT } from './cli.ts';

export const SAMPLES = join(ROOT, '..', 'shared', 'edxml-samples');
export const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export function organization(organId: string, organName: string): Organization {
  return {
    organId,
    organizationInCharge: organName,
    organName,
    organAdd: 'Xã Hòa Tiến, huyện Hòa Vang, TP Đà Nẵng',
    email: 'vanthu@hoatien.gov.vn',
    telephone: '0236 3846 123',
    fax: '',
    website: '',
  };
}

export const FROM = organization('000.46.24.H44', 'UBND xã Hòa Tiến');
export const TO = [organization('000.47.24.H44', 'UBND xã Hòa Sơn'), organization('000.00.24.H44', 'UBND huyện Hòa Vang')];

export function documentHeader(over: Partial<DocumentHeader> = {}): DocumentHeader {
  return {
    from: FROM,
    to: TO,
    documentId: '000.46.24.H44,2026/03/05,12/UBND-VP',
    code: { codeNumber: '12', codeNotation: 'UBND-VP' },
    promulgation: { place: 'Hòa Tiến', date: '2026-03-05' },
    documentType: { type: 18, typeDetail: 0, typeName: 'Công văn' },
    subject: 'V/v tổng hợp số liệu <quý I> & "báo cáo" năm 2026',
    content: 'Đề nghị các đơn vị gửi số liệu trước ngày 15/3.',
    signer: { competence: 'TM. ỦY BAN NHÂN DÂN', position: 'Chủ tịch', fullName: 'Nguyễn Văn An' },
    dueDate: '2026-03-15',
    otherInfo: {
      priority: 1,
      sphereOfPromulgation: 'Liên thông văn bản quốc gia',
      typerNotation: 'NTH',
      promulgationAmount: 3,
      pageAmount: 2,
      direction: false,
      appendixes: ['Phụ lục I: mẫu biểu'],
    },
    responseFor: [],
    steeringType: 1,
    toPlaces: ['Như trên;', 'Lưu: VT.'],
    ...over,
  };
}

export function business(over: Partial<Business> = {}): Business {
  return {
    documentId: '000.46.24.H44,2026/03/05,12/UBND-VP',
    businessDocType: 0,
    reason: 'Văn bản điện tử mới',
    paper: false,
    documentInfo: null,
    replacementInfoList: [],
    staffInfo: { department: 'Văn phòng', staff: 'Trần Thị Hoa', email: 'hoa@hoatien.gov.vn', mobile: '0905000111' },
    ...over,
  };
}

export function statusHeader(over: Partial<StatusHeader> = {}): StatusHeader {
  return {
    from: TO[0] as Organization,
    responseFor: { organId: FROM.organId, code: '12/UBND-VP', promulgationDate: '2026-03-05', documentId: '000.46.24.H44,2026/03/05,12/UBND-VP' },
    staffInfo: { department: 'Văn phòng', staff: 'Lê Văn Bình', email: 'binh@hoason.gov.vn', mobile: '0905000222' },
    statusCode: '03',
    description: 'Đã tiếp nhận, vào sổ văn bản đến',
    timestamp: '2026-03-06T08:30:00',
    ...over,
  };
}

// Asserts an edXML refusal with the given reason, a Vietnamese message, and an empty folder.
export async function expectRefused(run: () => Promise<unknown>, reason: string, outputDir: string): Promise<void> {
  let caught: unknown = null;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  if (!isAppError(caught)) throw new Error(`expected a refusal (${reason}), got ${caught === null ? 'success' : String(caught)}`);
  expect(caught.code).toBe('EDXML_REFUSED');
  expect(caught.data).toEqual({ reason });
  expect(caught.messageVi).toMatch(/^Gói tin edXML bị từ chối: /);
  expect(readdirSync(outputDir)).toEqual([]);
}

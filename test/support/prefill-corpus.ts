import { typeAbbreviation, typeName } from '../../src/shared/domain/document-types.ts';
import { formatDocumentNumber } from '../../src/shared/domain/notation.ts';

// A varied set of documents laid out by Decree 30, each with the values a clerk would write in
// the incoming register: the drafts this app renders and the LibreOffice documents of
// bench:prefill and the prefill tests are made from it (docs/prefill.md, bench/README.md).

export interface CorpusAgency {
  readonly parentName: string | null;
  readonly name: string;
  readonly abbreviation: string;
  readonly placeName: string;
  readonly units: readonly string[];
}

export interface CorpusSigner {
  readonly competence: 'TM' | 'KT' | 'TL' | 'Q' | null;
  readonly authority: string | null;
  readonly position: string;
  readonly fullName: string;
}

export interface CorpusCase {
  readonly id: string;
  readonly agency: CorpusAgency;
  readonly documentType: string; // key
  readonly number: number;
  readonly unit: string | null;
  readonly date: string; // ISO
  readonly subject: string;
  readonly signer: CorpusSigner;
  readonly recipients: readonly string[];
  readonly paragraphs: readonly string[];
  readonly priority: 'thuong' | 'khan' | 'thuong-khan' | 'hoa-toc';
}

// What the clerk types for this document: the truth a proposal is scored against.
export interface Expected {
  readonly issuingAgency: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly documentDate: string;
  readonly documentType: string;
  readonly subject: string;
  readonly signerName: string;
  readonly signerPosition: string;
}

export const AGENCIES: readonly CorpusAgency[] = [
  { parentName: 'UBND thành phố Đà Nẵng', name: 'Ủy ban nhân dân xã Hòa Tiến', abbreviation: 'UBND', placeName: 'Xã Hòa Tiến', units: ['VP', 'VHXH', 'TP'] },
  { parentName: 'UBND tỉnh Quảng Nam', name: 'Ủy ban nhân dân xã Tam Xuân', abbreviation: 'UBND', placeName: 'Xã Tam Xuân', units: ['VP', 'ĐCXD'] },
  { parentName: 'UBND tỉnh Quảng Nam', name: 'Sở Nội vụ', abbreviation: 'SNV', placeName: 'Quảng Nam', units: ['VP', 'TCBC'] },
  { parentName: 'UBND tỉnh Nghệ An', name: 'Sở Tài nguyên và Môi trường', abbreviation: 'STNMT', placeName: 'Nghệ An', units: ['VP', 'QLĐĐ'] },
  { parentName: 'UBND thành phố Hồ Chí Minh', name: 'Ủy ban nhân dân phường Bến Nghé', abbreviation: 'UBND', placeName: 'Phường Bến Nghé', units: ['VP', 'KT'] },
  { parentName: null, name: 'Ủy ban nhân dân thành phố Đà Nẵng', abbreviation: 'UBND', placeName: 'Đà Nẵng', units: ['VP', 'KT', 'NC'] },
  { parentName: 'Công an thành phố Đà Nẵng', name: 'Công an xã Hòa Tiến', abbreviation: 'CAX', placeName: 'Xã Hòa Tiến', units: ['TH'] },
  { parentName: 'UBND thị xã Điện Bàn', name: 'Phòng Lao động - Thương binh và Xã hội', abbreviation: 'LĐTBXH', placeName: 'Điện Bàn', units: ['BTXH'] },
  { parentName: 'UBND huyện Hòa Vang', name: 'Phòng Tài chính - Kế hoạch', abbreviation: 'TCKH', placeName: 'Hòa Vang', units: ['NS'] },
  { parentName: null, name: 'Hội đồng nhân dân xã Hòa Phước', abbreviation: 'HĐND', placeName: 'Xã Hòa Phước', units: ['TT'] },
  { parentName: 'UBND xã Hòa Tiến', name: 'Trường Tiểu học Hòa Tiến', abbreviation: 'THHT', placeName: 'Xã Hòa Tiến', units: ['VP'] },
  { parentName: 'UBND tỉnh Bà Rịa - Vũng Tàu', name: 'Sở Giáo dục và Đào tạo', abbreviation: 'SGDĐT', placeName: 'Bà Rịa - Vũng Tàu', units: ['VP', 'GDTrH'] },
];

const TYPES = ['cong-van', 'quyet-dinh', 'to-trinh', 'thong-bao', 'ke-hoach', 'bao-cao', 'giay-moi', 'chi-thi', 'huong-dan', 'cong-van', 'quyet-dinh', 'thong-bao'];

const SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  'cong-van': ['triển khai công tác chuyển đổi số năm 2026 trên địa bàn', 'đôn đốc nộp báo cáo tình hình thu ngân sách quý I', 'tăng cường công tác phòng, chống dịch bệnh trên cây trồng vụ Đông Xuân', 'góp ý dự thảo Kế hoạch cải cách hành chính'],
  'quyet-dinh': ['Về việc thành lập Tổ công tác chuyển đổi số năm 2026', 'Về việc phê duyệt danh sách hộ nghèo, hộ cận nghèo năm 2026', 'Về việc giao chỉ tiêu thu ngân sách nhà nước năm 2026', 'Về việc ban hành Quy chế làm việc của Ủy ban nhân dân'],
  'to-trinh': ['Về việc đề nghị phê duyệt kinh phí sửa chữa nhà văn hóa thôn', 'Về việc đề nghị bổ sung biên chế công chức năm 2026'],
  'thong-bao': ['Kết luận của Chủ tịch tại cuộc họp giao ban tháng 3 năm 2026', 'Về việc tổ chức tiếp công dân định kỳ', 'Lịch làm việc của Thường trực Ủy ban nhân dân tuần 12'],
  'ke-hoach': ['Tổ chức các hoạt động kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam', 'Thực hiện công tác cải cách hành chính năm 2026'],
  'bao-cao': ['Kết quả thực hiện nhiệm vụ kinh tế - xã hội quý I năm 2026', 'Tình hình thực hiện dự toán ngân sách sáu tháng đầu năm'],
  'giay-moi': ['Dự hội nghị sơ kết công tác quý I năm 2026', 'Dự buổi làm việc về công tác quản lý đất đai'],
  'chi-thi': ['Về tăng cường công tác phòng, chống thiên tai năm 2026', 'Về đẩy mạnh thanh toán không dùng tiền mặt'],
  'huong-dan': ['Thực hiện quy trình tiếp nhận hồ sơ trực tuyến', 'Về công tác văn thư, lưu trữ năm 2026'],
};

const SIGNERS: readonly CorpusSigner[] = [
  { competence: 'TM', authority: 'Ủy ban nhân dân', position: 'Chủ tịch', fullName: 'Nguyễn Văn An' },
  { competence: 'KT', authority: 'Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Trần Thị Bích Ngọc' },
  { competence: null, authority: null, position: 'Chủ tịch', fullName: 'Lê Quang Hưng' },
  { competence: 'KT', authority: 'Giám đốc', position: 'Phó Giám đốc', fullName: 'Phạm Thị Thu Hà' },
  { competence: null, authority: null, position: 'Giám đốc', fullName: 'Đặng Quốc Đạt' },
  { competence: 'TL', authority: 'Chủ tịch', position: 'Chánh Văn phòng', fullName: 'Võ Minh Tuấn' },
  { competence: null, authority: null, position: 'Trưởng phòng', fullName: 'Huỳnh Thị Mỹ Linh' },
  { competence: 'KT', authority: 'Trưởng phòng', position: 'Phó Trưởng phòng', fullName: 'Bùi Đức Thắng' },
  { competence: null, authority: null, position: 'Hiệu trưởng', fullName: 'Ngô Thị Lan' },
  { competence: 'Q', authority: 'Chủ tịch', position: 'Chủ tịch', fullName: 'Trương Công Khanh' },
];

const PARAGRAPH =
  'Thực hiện Kế hoạch số 45/KH-UBND ngày 12 tháng 01 năm 2026 của Ủy ban nhân dân thành phố, đề nghị các đơn vị rà soát, cập nhật đầy đủ thông tin, hướng dẫn người dân thực hiện thủ tục hành chính trên Cổng dịch vụ công quốc gia, bảo đảm đúng tiến độ và chất lượng theo quy định.';
const RECIPIENTS = ['Các thôn trên địa bàn xã', 'Trạm Y tế xã', 'Phòng Tài chính - Kế hoạch', 'Ủy ban nhân dân các xã, phường'];
const PRIORITIES = ['thuong', 'thuong', 'khan', 'thuong', 'thuong-khan', 'thuong', 'hoa-toc'] as const;

// A small deterministic generator: the same corpus on every machine and every run.
function generator(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const pick = <T,>(list: readonly T[], r: (n: number) => number): T => list[r(list.length)] as T;

export function prefillCorpus(count: number, seed = 30): CorpusCase[] {
  const r = generator(seed);
  return Array.from({ length: count }, (_, i) => {
    const agency = AGENCIES[i % AGENCIES.length] as CorpusAgency;
    const documentType = TYPES[(i * 5 + r(3)) % TYPES.length] as string;
    const month = 1 + r(12);
    const day = 1 + r(28);
    // Numbers below 10 are written with a leading zero; some agencies issue hundreds a year.
    const number = [1 + r(9), 10 + r(90), 100 + r(900), 1000 + r(2000)][r(4)] as number;
    const signer = agency.name.startsWith('Trường') ? (SIGNERS[8] as CorpusSigner) : pick(SIGNERS.slice(0, 8).concat(SIGNERS[9] as CorpusSigner), r);
    return {
      id: `${String(i + 1).padStart(3, '0')}-${documentType}`,
      agency,
      documentType,
      number,
      unit: pick(agency.units, r),
      date: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      subject: pick(SUBJECTS[documentType] as readonly string[], r),
      signer,
      recipients: RECIPIENTS.slice(0, 1 + r(3)),
      paragraphs: Array.from({ length: 1 + r(8) }, (_, k) => `${k + 1}. ${PARAGRAPH}`),
      priority: pick(PRIORITIES, r),
    };
  });
}

// Số and ký hiệu as Decree 30 writes them: "05/QĐ-UBND", a công văn "05/UBND-VP".
export function notationOf(c: CorpusCase): string {
  const abbreviation = typeAbbreviation(c.documentType);
  return abbreviation ? `${abbreviation}-${c.agency.abbreviation}` : `${c.agency.abbreviation}-${c.unit ?? 'VP'}`;
}

export function expectedOf(c: CorpusCase): Expected {
  return {
    issuingAgency: c.agency.name,
    codeNumber: formatDocumentNumber(c.number),
    codeNotation: notationOf(c),
    documentDate: c.date,
    documentType: typeName(c.documentType),
    subject: c.subject,
    signerName: c.signer.fullName,
    signerPosition: c.signer.position,
  };
}

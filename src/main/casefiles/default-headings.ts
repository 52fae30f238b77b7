// The headings a new plan starts from when there is no previous year's plan to copy: those of a
// commune People's Committee by field of work (Decree 30 Appendix V I.1 allows headings by unit
// or by field; a commune's work is divided among its civil servants by field rather than by
// unit, so fields read naturally). The fields follow the commune civil servant titles (văn phòng
// - thống kê, tư pháp - hộ tịch, địa chính - xây dựng - môi trường, tài chính - kế toán, văn hóa -
// xã hội, quân sự and công an). The clerk renames, reorders and adds to them; docs/case-files.md.
export interface DefaultHeading {
  readonly title: string;
  readonly abbreviation: string;
  readonly subHeadings: readonly string[];
}

export const DEFAULT_HEADINGS: readonly DefaultHeading[] = [
  { title: 'TỔNG HỢP', abbreviation: 'TH', subHeadings: ['Chỉ đạo, điều hành chung', 'Chương trình, kế hoạch, báo cáo công tác'] },
  { title: 'VĂN PHÒNG', abbreviation: 'VP', subHeadings: ['Hành chính, văn thư, lưu trữ', 'Thi đua, khen thưởng', 'Thống kê'] },
  { title: 'NỘI VỤ, TỔ CHỨC CÁN BỘ', abbreviation: 'NV', subHeadings: [] },
  { title: 'TƯ PHÁP - HỘ TỊCH', abbreviation: 'TP', subHeadings: [] },
  { title: 'ĐỊA CHÍNH - XÂY DỰNG - MÔI TRƯỜNG', abbreviation: 'ĐC', subHeadings: [] },
  { title: 'TÀI CHÍNH - KẾ TOÁN', abbreviation: 'TC', subHeadings: [] },
  { title: 'VĂN HÓA - XÃ HỘI', abbreviation: 'VHXH', subHeadings: [] },
  { title: 'QUỐC PHÒNG - AN NINH', abbreviation: 'QPAN', subHeadings: [] },
];

// Words a commune's registers are made of: the agencies that write to it, the places, the
// subjects of ten years of ordinary administration. Diacritics, Đ/đ included, are deliberate:
// the search must find "Đồng Nai" when the clerk types "dong nai".

// Issuing agencies with the abbreviation they put in their notation (QĐ-UBND, BC-SNV, …).
export const AGENCIES: ReadonlyArray<readonly [name: string, abbreviation: string]> = [
  ['Ủy ban nhân dân tỉnh Đồng Nai', 'UBND'],
  ['UBND tỉnh Đồng Nai', 'UBND'],
  ['Ủy ban nhân dân thành phố Đà Nẵng', 'UBND'],
  ['UBND huyện Định Quán', 'UBND'],
  ['UBND huyện Tân Phú', 'UBND'],
  ['Ủy ban nhân dân tỉnh Đắk Lắk', 'UBND'],
  ['Ủy ban nhân dân tỉnh Điện Biên', 'UBND'],
  ['Ủy ban nhân dân tỉnh Quảng Nam', 'UBND'],
  ['Văn phòng UBND tỉnh Đồng Nai', 'VP'],
  ['Sở Nội vụ tỉnh Đồng Nai', 'SNV'],
  ['Sở Tài chính tỉnh Đồng Nai', 'STC'],
  ['Sở Kế hoạch và Đầu tư tỉnh Đồng Nai', 'SKHĐT'],
  ['Sở Tài nguyên và Môi trường', 'STNMT'],
  ['Sở Nông nghiệp và Phát triển nông thôn', 'SNN'],
  ['Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['Sở Y tế tỉnh Đồng Nai', 'SYT'],
  ['Sở Lao động - Thương binh và Xã hội', 'SLĐTBXH'],
  ['Sở Xây dựng thành phố Đà Nẵng', 'SXD'],
  ['Sở Tư pháp tỉnh Đồng Nai', 'STP'],
  ['Sở Thông tin và Truyền thông', 'STTTT'],
  ['Công an tỉnh Đồng Nai', 'CAT'],
  ['Bộ Chỉ huy Quân sự tỉnh Đồng Nai', 'BCH'],
  ['Ban Chỉ huy Quân sự huyện Định Quán', 'BCH'],
  ['Bảo hiểm xã hội tỉnh Đồng Nai', 'BHXH'],
  ['Kho bạc Nhà nước Đồng Nai', 'KBNN'],
  ['Chi cục Thuế khu vực Định Quán - Tân Phú', 'CCT'],
  ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai', 'MTTQ'],
  ['Hội đồng nhân dân tỉnh Đồng Nai', 'HĐND'],
  ['Thường trực Hội đồng nhân dân huyện', 'HĐND'],
  ['Phòng Tài chính - Kế hoạch huyện Định Quán', 'TCKH'],
  ['Phòng Nội vụ huyện Tân Phú', 'PNV'],
  ['Phòng Giáo dục và Đào tạo huyện Định Quán', 'PGDĐT'],
  ['Văn phòng Chính phủ', 'VPCP'],
  ['Chính phủ', 'CP'],
  ['Thủ tướng Chính phủ', 'TTg'],
  ['Bộ Nội vụ', 'BNV'],
  ['Bộ Tài chính', 'BTC'],
  ['Bộ Tài nguyên và Môi trường', 'BTNMT'],
  ['Bộ Nông nghiệp và Phát triển nông thôn', 'BNNPTNT'],
  ['Bộ Thông tin và Truyền thông', 'BTTTT'],
  ['Ban Tuyên giáo Tỉnh ủy Đồng Nai', 'BTGTU'],
  ['Đảng ủy xã Hòa Tiến', 'ĐU'],
  ['Đoàn Thanh niên Cộng sản Hồ Chí Minh xã', 'ĐTN'],
  ['Hội Nông dân huyện Định Quán', 'HND'],
  ['Hội Liên hiệp Phụ nữ huyện Tân Phú', 'HLHPN'],
  ['Trường Tiểu học Đinh Tiên Hoàng', 'THĐTH'],
  ['Trạm Y tế xã Hòa Tiến', 'TYT'],
  ['Điện lực Định Quán', 'ĐLĐQ'],
];

// Agencies above the commune issue Nghị định and Thông tư; their notations are fixed forms.
export const CENTRAL_NOTATIONS: ReadonlyArray<readonly [type: string, agency: string, notation: string]> = [
  ['nghi-dinh', 'Chính phủ', 'NĐ-CP'],
  ['thong-tu', 'Bộ Tài chính', 'TT-BTC'],
  ['thong-tu', 'Bộ Nội vụ', 'TT-BNV'],
  ['thong-tu', 'Bộ Tài nguyên và Môi trường', 'TT-BTNMT'],
];

// The type mix of a commune's incoming register: mostly công văn, then decisions, notices,
// plans and reports.
export const INCOMING_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['cong-van', 34],
  ['quyet-dinh', 14],
  ['thong-bao', 10],
  ['ke-hoach', 9],
  ['bao-cao', 7],
  ['giay-moi', 9],
  ['huong-dan', 3],
  ['to-trinh', 2],
  ['nghi-quyet', 2],
  ['chi-thi', 1],
  ['chuong-trinh', 1],
  ['bien-ban', 1],
  ['nghi-dinh', 1],
  ['thong-tu', 1],
  ['cong-dien', 1],
  ['phieu-chuyen', 1],
];

export const OUTGOING_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['cong-van', 30],
  ['quyet-dinh', 20],
  ['bao-cao', 14],
  ['ke-hoach', 10],
  ['thong-bao', 10],
  ['to-trinh', 6],
  ['giay-moi', 5],
  ['bien-ban', 2],
  ['giay-gioi-thieu', 2],
  ['chuong-trinh', 1],
];

export const UNITS = ['VP', 'KT', 'VHXH', 'ĐCXD', 'TP', 'CA', 'QS'] as const;

export const PLACES = [
  'xã Hòa Tiến',
  'tỉnh Đồng Nai',
  'thành phố Đà Nẵng',
  'huyện Định Quán',
  'huyện Tân Phú',
  'ấp Đồng Xoài',
  'thôn La Bông',
  'thôn Đông Sơn',
  'khu vực Đắk Lua',
  'bến đò Điền Thạnh',
  'xã Phú Điền',
  'xã Đak Pơ',
] as const;

export const TOPICS = [
  'phòng chống thiên tai và tìm kiếm cứu nạn',
  'chuyển đổi số',
  'cải cách hành chính',
  'xây dựng nông thôn mới',
  'phòng cháy, chữa cháy',
  'bảo đảm trật tự an toàn giao thông',
  'quản lý đất đai',
  'bảo vệ môi trường',
  'giải quyết khiếu nại, tố cáo',
  'phòng, chống dịch bệnh',
  'giảm nghèo bền vững',
  'thu ngân sách nhà nước',
  'giải ngân vốn đầu tư công',
  'tuyển chọn và gọi công dân nhập ngũ',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'bầu cử đại biểu Hội đồng nhân dân',
  'tiêm chủng mở rộng',
  'phổ biến, giáo dục pháp luật',
  'phòng, chống tác hại của thuốc lá',
  'đăng ký hộ tịch',
  'chi trả trợ cấp cho người có công',
  'phòng, chống tham nhũng',
  'kiểm tra an toàn vệ sinh thực phẩm',
  'dịch tả lợn châu Phi',
  'hiến máu tình nguyện',
  'đền ơn đáp nghĩa',
] as const;

export const ACTIONS = [
  'triển khai',
  'tăng cường',
  'đẩy mạnh',
  'tổ chức thực hiện',
  'kiểm tra',
  'tổng kết',
  'sơ kết',
  'hướng dẫn thực hiện',
  'đôn đốc',
  'phê duyệt',
] as const;

export const DECISIONS = [
  'thành lập Đoàn kiểm tra',
  'phê duyệt dự toán',
  'công nhận kết quả',
  'khen thưởng tập thể, cá nhân',
  'giao chỉ tiêu kế hoạch',
  'kiện toàn Ban Chỉ đạo',
  'thu hồi đất',
  'điều chỉnh quy hoạch sử dụng đất',
  'ban hành Quy chế làm việc',
  'cử cán bộ đi tập huấn',
] as const;

export const SIGNERS = [
  'Nguyễn Văn Đức',
  'Trần Thị Thu Hà',
  'Lê Đình Phúc',
  'Phạm Minh Đạt',
  'Hoàng Thị Diệu',
  'Đặng Quốc Dũng',
  'Võ Thành Đông',
  'Đỗ Thị Ngọc Lan',
  'Bùi Văn Đông',
  'Huỳnh Tấn Đạt',
  'Ngô Thị Hồng Nhung',
  'Đinh Công Tráng',
] as const;

export const POSITIONS = ['Chủ tịch', 'Phó Chủ tịch', 'Giám đốc', 'Phó Giám đốc', 'Chánh Văn phòng', 'Trưởng phòng'] as const;

export const NOTES = [
  'Chuyển đồng chí Chủ tịch cho ý kiến',
  'Giao Văn phòng tham mưu',
  'Đã báo cáo tại cuộc họp giao ban',
  'Bản gốc lưu tại Văn phòng',
  'Nhận qua Trục liên thông văn bản quốc gia',
  'Đồng gửi Đảng ủy xã',
] as const;

// A word that appears in about one document in fifty thousand: the search for it must come back
// as fast as for a common word, and find every one.
export const RARE_PHRASE = 'sạt lở taluy dương';
export const RARE_PROBABILITY = 1 / 50_000;

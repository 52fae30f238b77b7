// The status codes a recipient reports about a document it received (edxml.md, "Status"), as
// the clerk reads them.
export const HUB_STATUS_NAMES: Readonly<Record<string, string>> = {
  '01': 'Đã đến',
  '02': 'Từ chối tiếp nhận',
  '03': 'Đã tiếp nhận',
  '04': 'Phân công',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Xin lấy lại',
  '15': 'Đồng ý thu hồi/cập nhật',
  '16': 'Từ chối thu hồi/cập nhật',
};

export function hubStatusName(code: string): string {
  return HUB_STATUS_NAMES[code] ?? `Trạng thái ${code}`;
}

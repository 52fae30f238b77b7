import { AgencyForm } from './AgencyForm.tsx';

// Before anything else, the agency: its name, identifier and abbreviations make every notation.
export function FirstRun() {
  return (
    <main className="first-run">
      <h1>Chào mừng đến với VanThu</h1>
      <p>
        Trước khi vào sổ văn bản, hãy khai báo thông tin cơ quan. Chữ viết tắt của cơ quan và của các đơn vị được dùng để ghi ký
        hiệu văn bản đi (ví dụ 01/UBND-VP). Có thể sửa lại sau trong mục Cài đặt.
      </p>
      <AgencyForm profile={null} submitLabel="Lưu và bắt đầu" initialFocus />
    </main>
  );
}

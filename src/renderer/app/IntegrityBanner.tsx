import { useApp } from './app-context.ts';

// The background database check, when it has something to say. Damage ('failed') is said on
// every screen with the way forward. A check that could not run ('unavailable') is no sign of
// damage: a neutral note, with where to run the full check by hand.
export function IntegrityBanner() {
  const { info, navigate } = useApp();
  if (info.integrity === 'unavailable') {
    return (
      <div className="banner banner--info" role="status">
        <p>
          Chưa kiểm tra tự động được cơ sở dữ liệu{info.integrityDetail ? ` (${info.integrityDetail})` : ''}. Đây không phải dấu hiệu dữ liệu
          bị hỏng; có thể tự kiểm tra bằng nút "Kiểm tra dữ liệu" trong mục Nhật ký.
        </p>
        <button type="button" className="button" onClick={() => navigate({ name: 'audit' })}>
          Mở Nhật ký để kiểm tra
        </button>
      </div>
    );
  }
  if (info.integrity !== 'failed') return null;
  return (
    <div className="banner banner--danger" role="alert">
      <p>
        <strong>Dữ liệu có dấu hiệu bị hỏng.</strong> Kiểm tra tự động phát hiện lỗi trong cơ sở dữ liệu
        {info.integrityDetail ? ` (${info.integrityDetail})` : ''}. Đừng nhập thêm văn bản; hãy khôi phục từ bản sao lưu gần nhất. Dữ
        liệu hiện tại sẽ được giữ lại ở một thư mục riêng, không bị xóa.
      </p>
      <button type="button" className="button" onClick={() => navigate({ name: 'backup' })}>
        Mở Sao lưu để khôi phục
      </button>
    </div>
  );
}

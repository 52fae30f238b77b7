import { useApp } from './app-context.ts';

// The background database check found damage: say so on every screen, with the way forward.
export function IntegrityBanner() {
  const { info, navigate } = useApp();
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

import type { MenuItemConstructorOptions } from 'electron';

// The window menu, in Vietnamese. Edit roles keep the usual keyboard shortcuts working in forms;
// zoom matters to clerks with small screens or tired eyes. Reload and the developer tools are
// for development builds only: in the packaged app there is no menu path (or shortcut) to the
// devtools console, from which a passer-by could call the API by hand.
export function applicationMenuTemplate(settings: { readonly devTools: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' },
  ];
  if (settings.devTools) {
    view.push({ type: 'separator' }, { role: 'reload', label: 'Tải lại' }, { role: 'toggleDevTools', label: 'Công cụ phát triển' });
  }
  return [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    { label: 'Xem', submenu: view },
  ];
}

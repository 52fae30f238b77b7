import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from './menu-template.ts';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it('offers no developer tools and no reload in a packaged build', () => {
    const r = roles(applicationMenuTemplate({ devTools: false }));
    expect(r).not.toContain('toggleDevTools');
    expect(r).not.toContain('reload');
    expect(r).not.toContain('forceReload');
  });

  it('offers them in a development build', () => {
    expect(roles(applicationMenuTemplate({ devTools: true }))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('keeps the editing shortcuts and zoom, labelled in Vietnamese', () => {
    const template = applicationMenuTemplate({ devTools: false });
    expect(roles(template)).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'undo', 'selectAll', 'zoomIn', 'zoomOut', 'quit']));
    expect(template.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem']);
  });
});

import { BADGE_SIZE, badgeBitmap, badgeText } from './badge-bitmap.ts';

// The parts of Electron the count on the taskbar needs.
export interface BadgeHost {
  readonly platform: NodeJS.Platform;
  readonly app: { setBadgeCount(count?: number): boolean };
  readonly window: () => { setOverlayIcon(image: unknown, description: string): void; isDestroyed(): boolean } | null;
  readonly imageFromBitmap: (bitmap: Buffer, size: { width: number; height: number }) => unknown;
}

// macOS and Linux (docks that read the LauncherEntry API) show app.setBadgeCount; Windows has no
// numeric badge, so the window's taskbar button gets an overlay icon drawn with the count, and a
// description a screen reader announces. 0 removes either.
export function taskbarCount(host: BadgeHost): (count: number) => void {
  return (count) => {
    if (host.platform !== 'win32') {
      host.app.setBadgeCount(count);
      return;
    }
    const window = host.window();
    if (!window || window.isDestroyed()) return;
    if (count === 0) window.setOverlayIcon(null, '');
    else window.setOverlayIcon(host.imageFromBitmap(badgeBitmap(count), { width: BADGE_SIZE, height: BADGE_SIZE }), `${badgeText(count)} việc cần làm hôm nay`);
  };
}

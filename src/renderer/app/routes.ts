import type { Direction } from '../../shared/api/schemas/series.ts';
import { NEW_INCOMING_SHORTCUT } from './use-shortcuts.ts';

// The issued document a correction is made for, as the drafting screen names it.
export interface CorrectionOf {
  readonly documentId: number;
  readonly label: string;
}

// The screens of the app. Navigation is in-memory: the URL fragment carries the bridge token in
// browser mode, and a desktop window has no address bar to share.
export type Route =
  // Hôm nay, the screen the app opens on.
  | { readonly name: 'today' }
  | { readonly name: 'list'; readonly direction: Direction }
  | { readonly name: 'incoming-new' }
  | { readonly name: 'outgoing-new' }
  | { readonly name: 'document'; readonly id: number }
  // With a correction: a document that amends, replaces or corrects an issued one.
  | { readonly name: 'drafting'; readonly correction?: CorrectionOf }
  // Without an id: the list of documents in the issuance workflow; with one, that document.
  | { readonly name: 'issuance'; readonly id?: number }
  // Liên thông: the sync with the hub and what it delivered; with an id, one delivered document.
  | { readonly name: 'sync'; readonly inboxId?: number }
  | { readonly name: 'processing' }
  // Hồ sơ: the year's file plan and its files (docs/case-files.md); without a year, this year's.
  | { readonly name: 'case-files'; readonly year?: number }
  | { readonly name: 'case-file'; readonly id: number }
  // Nộp lưu: a handover to the agency archive, with its forms and electronic package.
  | { readonly name: 'handover'; readonly id: number }
  | { readonly name: 'statistics' }
  // The secret incoming register, apart from every ordinary list (docs/copies.md).
  | { readonly name: 'secret-incoming' }
  | { readonly name: 'books' }
  | { readonly name: 'backup' }
  | { readonly name: 'audit' }
  | { readonly name: 'settings' };

export interface NavItem {
  readonly route: Route;
  readonly label: string;
  readonly shortcut?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { route: { name: 'today' }, label: 'Hôm nay' },
  { route: { name: 'list', direction: 'incoming' }, label: 'Sổ văn bản đến' },
  { route: { name: 'incoming-new' }, label: 'Vào sổ văn bản đến', shortcut: NEW_INCOMING_SHORTCUT },
  { route: { name: 'list', direction: 'outgoing' }, label: 'Sổ văn bản đi' },
  { route: { name: 'outgoing-new' }, label: 'Cấp số văn bản đi' },
  { route: { name: 'drafting' }, label: 'Soạn thảo' },
  { route: { name: 'issuance' }, label: 'Phát hành' },
  { route: { name: 'case-files' }, label: 'Hồ sơ' },
  { route: { name: 'sync' }, label: 'Liên thông' },
  { route: { name: 'processing' }, label: 'Cần xử lý' },
  { route: { name: 'secret-incoming' }, label: 'Văn bản mật đến' },
  { route: { name: 'books' }, label: 'In, xuất, nhập sổ' },
  { route: { name: 'statistics' }, label: 'Thống kê' },
  { route: { name: 'backup' }, label: 'Sao lưu' },
  { route: { name: 'audit' }, label: 'Nhật ký' },
  { route: { name: 'settings' }, label: 'Cài đặt' },
];

export function sameRoute(a: Route, b: Route): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// The sidebar item the clerk is on: the same route, or Hồ sơ of any year (a year is a way of
// looking at the one screen).
export function isCurrent(item: NavItem, route: Route): boolean {
  return item.route.name === 'case-files' ? route.name === 'case-files' : sameRoute(item.route, route);
}

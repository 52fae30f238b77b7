// Độ khẩn with the edXML Priority codes (edxml.md). 4 "Hỏa tốc hẹn giờ" comes from older
// systems: accepted on input, never produced.
export const PRIORITIES = ['thuong', 'khan', 'thuong-khan', 'hoa-toc', 'hoa-toc-hen-gio'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRODUCIBLE_PRIORITIES: readonly Priority[] = ['thuong', 'khan', 'thuong-khan', 'hoa-toc'];

const LABELS: Record<Priority, string> = {
  thuong: 'Thường',
  khan: 'Khẩn',
  'thuong-khan': 'Thượng khẩn',
  'hoa-toc': 'Hỏa tốc',
  'hoa-toc-hen-gio': 'Hỏa tốc hẹn giờ',
};

export function priorityLabel(p: Priority): string {
  return LABELS[p];
}

export function priorityCode(p: Priority): number {
  return PRIORITIES.indexOf(p);
}

export function isUrgent(p: Priority): boolean {
  return p !== 'thuong';
}

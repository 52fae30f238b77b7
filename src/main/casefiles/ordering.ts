// Headings and files keep their order as positions 1…n among their siblings. Moving one to rank
// `position` (1 = first; past the end = last) renumbers the siblings so that no gap or tie is left.
export function moveTo<T>(siblings: readonly T[], item: T, position: number | undefined): T[] {
  const rest = siblings.filter((s) => s !== item);
  const at = position === undefined ? siblings.indexOf(item) : Math.min(Math.max(position, 1), rest.length + 1) - 1;
  rest.splice(at < 0 ? rest.length : at, 0, item);
  return rest;
}

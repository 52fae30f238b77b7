import { type RefObject, useEffect, useRef } from 'react';

interface Position {
  readonly query: string;
  readonly top: number;
  readonly active: number;
}

// Where each register list was left (scroll offset and active row), so that coming back from a
// document shows the same rows. A list with other filters than when it was left starts at the top.
const positions = new Map<string, Position>();

// Restores the list's position once its rows are counted (before that the grid has no height to
// scroll in) and records it when the list goes away. The scroll goes through `scrollTo` (the
// virtualizer's), which would otherwise write back the offset it last knew. Returns the scroll
// handler that follows the position.
export function useListPosition(
  list: string,
  query: string,
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  active: number,
  setActive: (row: number) => void,
  scrollTo: (offset: number) => void,
): () => void {
  const top = useRef(0);
  const leaving = useRef({ list, query, active });
  // Kept after each render, read when the list goes away.
  useEffect(() => {
    leaving.current = { list, query, active };
  });
  const restored = useRef(false);

  useEffect(() => {
    if (restored.current || count === 0) return;
    restored.current = true;
    const saved = positions.get(list);
    if (!saved || saved.query !== query) return;
    scrollTo(saved.top);
    top.current = saved.top;
    setActive(Math.min(saved.active, count - 1));
  }, [count, list, query, scrollTo, setActive]);

  // A list that never had rows has no position worth keeping (and in StrictMode's rehearsal
  // unmount it would overwrite the one to restore).
  useEffect(
    () => () => {
      if (!restored.current) return;
      const { list: name, query: q, active: row } = leaving.current;
      positions.set(name, { query: q, top: top.current, active: row });
    },
    [],
  );

  return () => {
    top.current = scrollRef.current?.scrollTop ?? 0;
  };
}

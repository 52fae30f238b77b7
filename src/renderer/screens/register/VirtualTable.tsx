import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { isUrgent } from '../../../shared/domain/priority.ts';
import { type Column, gridTemplate } from './columns.tsx';
import { useListPosition } from './use-list-position.ts';

export const ROW_HEIGHT = 40;

interface VirtualTableProps {
  readonly label: string;
  readonly columns: readonly Column[];
  readonly count: number;
  readonly rowAt: (index: number) => DocumentRecord | undefined;
  readonly ensureRange: (first: number, last: number) => void;
  readonly onOpen: (doc: DocumentRecord) => void;
  // Which list this is and what it shows, to come back to the same rows (use-list-position.ts).
  readonly positionKey: { readonly list: string; readonly query: string };
}

function rowClass(d: DocumentRecord | undefined, active: boolean): string {
  const classes = ['vrow'];
  if (active) classes.push('vrow--active');
  if (!d) classes.push('vrow--loading');
  else {
    if (d.status === 'void') classes.push('vrow--void');
    if (isUrgent(d.priority) && d.status === 'active') classes.push('vrow--urgent');
    if (d.overdue) classes.push('vrow--overdue');
  }
  return classes.join(' ');
}

// The rows wholly in view of the scrolling body.
function visibleRows(el: HTMLElement | null, count: number): { readonly top: number; readonly bottom: number } {
  if (!el) return { top: 0, bottom: -1 };
  const top = Math.ceil(el.scrollTop / ROW_HEIGHT);
  const bottom = Math.min(count - 1, Math.max(top, Math.floor((el.scrollTop + el.clientHeight) / ROW_HEIGHT) - 1));
  return { top, bottom };
}

// A register as a grid that renders only the rows in view (plus a few either side): the DOM
// holds a window of rows however long the register is. The grid is one Tab stop (the element
// with role grid, which carries aria-activedescendant); arrows, Page Up/Down, Home/End move the
// active row and Enter opens it. After the clerk scrolled with the mouse the active row may be out
// of sight: a key then first makes the top row in view active, so Enter never opens a row the
// clerk cannot see.
export function VirtualTable({ label, columns, count, rowAt, ensureRange, onOpen, positionKey }: VirtualTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // useVirtualizer's one object answers differently from render to render, which memoizing would
  // serve stale; the app is not built with React Compiler, and the rule knows to skip this
  // component if it ever is. The warning says only that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const scrollTo = useCallback((offset: number) => virtualizer.scrollToOffset(offset), [virtualizer]);
  const onScroll = useListPosition(positionKey.list, positionKey.query, scrollRef, count, active, setActive, scrollTo);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) ensureRange(first, last);
  }, [first, last, ensureRange]);

  useEffect(() => setActive((a) => Math.min(a, Math.max(count - 1, 0))), [count]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const d = rowAt(active);
        if (d) onOpen(d);
      },
    };
    const action = keys[e.key];
    if (!action || count === 0) return;
    e.preventDefault();
    const { top, bottom } = visibleRows(scrollRef.current, count);
    const absolute = e.key === 'Home' || e.key === 'End';
    if (!absolute && (active < top || active > bottom)) setActive(top);
    else action();
  };

  // A click on a row makes it active and opens it, as Enter does. It is heard on the grid, the
  // one focusable element (the rows are its aria-activedescendant, not Tab stops).
  const onClick = (e: MouseEvent) => {
    const row = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-row]') : null;
    if (!row) return;
    const index = Number(row.dataset.row);
    setActive(index);
    const d = rowAt(index);
    if (d) onOpen(d);
  };

  const template = gridTemplate(columns);
  return (
    <div
      className="vtable"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={onClick}
      aria-activedescendant={items.some((i) => i.index === active) ? `vrow-${active}` : undefined}
    >
      <div className="vtable__head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className="vcell">
            {c.label}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className="vtable__body" role="rowgroup" onScroll={onScroll} data-testid="register-scroll">
        <div className="vtable__spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const d = rowAt(item.index);
            return (
              <div
                key={item.key}
                id={`vrow-${item.index}`}
                data-row={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === active}
                className={rowClass(d, item.index === active)}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="gridcell" className={`vcell vcell--${c.key}`} title={d && c.title ? c.title(d) : undefined}>
                    {d ? c.cell(d) : c === columns[0] ? '…' : ''}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

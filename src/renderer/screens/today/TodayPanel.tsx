import type { ReactNode } from 'react';

// One section of Hôm nay: a heading with its count, its lines, "Không có" when empty, and a way
// to the screen that holds the rest when more than the lines shown wait.
export function TodayPanel(props: {
  readonly id: string;
  readonly title: string;
  readonly count: number;
  readonly shown: number;
  readonly emptyText: string;
  readonly more?: { readonly label: string; readonly onOpen: () => void } | undefined;
  readonly children?: ReactNode;
}) {
  const { id, title, count, shown, emptyText, more, children } = props;
  return (
    <section className="panel today-panel" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {title} <span className={count > 0 ? 'today-count today-count--some' : 'today-count'}>{count}</span>
      </h2>
      {count === 0 ? <p className="muted">{emptyText}</p> : <ul className="today-list">{children}</ul>}
      {more && count > shown ? (
        <button type="button" className="link-button" onClick={more.onOpen}>
          {more.label} ({count - shown} văn bản nữa)
        </button>
      ) : null}
    </section>
  );
}

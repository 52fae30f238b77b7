import { useApp } from './app-context.ts';
import { isCurrent, NAV_ITEMS, type Route } from './routes.ts';

export function Sidebar({ route, agencyName }: { readonly route: Route; readonly agencyName: string }) {
  const { navigate } = useApp();
  return (
    <nav className="sidebar" aria-label="Chức năng">
      <p className="sidebar__brand">
        VanThu
        <span className="sidebar__agency">{agencyName}</span>
      </p>
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.label}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={isCurrent(item, route) ? 'page' : undefined}
              onClick={() => navigate(item.route)}
            >
              {item.label}
              {item.shortcut ? <kbd>{item.shortcut}</kbd> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';

export function BooksScreen() {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          In, xuất, nhập sổ
        </h1>
      </header>
      <ExportPanel />
      <ImportPanel />
    </section>
  );
}

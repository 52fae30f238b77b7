import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SeriesRecord } from '../../../shared/api/schemas/series.ts';
import { typeName } from '../../../shared/domain/document-types.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { useFocusRescue } from '../../app/use-focus-rescue.ts';
import { Notice } from '../../components/Notice.tsx';
import { SeriesEditor } from './SeriesEditor.tsx';

type Editing = { readonly series: SeriesRecord | null } | null;

function seriesTypes(s: SeriesRecord): string {
  if (s.direction === 'incoming') return '';
  if (s.secret) return 'Mọi văn bản mật';
  return s.documentTypes.length ? s.documentTypes.map(typeName).join(', ') : 'Các loại còn lại';
}

export function SeriesPanel() {
  const list = useQuery(apiQuery('series.list', {}));
  const series = list.data ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  // The editor's buttons go with it: the focus then moves to the screen's heading.
  const rescueFocus = useFocusRescue();
  const close = () => {
    setEditing(null);
    rescueFocus();
  };

  return (
    <section className="panel" aria-labelledby="series-title">
      <h2 id="series-title">Sổ và dãy số</h2>
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Tên sổ</th>
            <th scope="col">Loại</th>
            <th scope="col">Loại văn bản</th>
            <th scope="col">Viết tắt</th>
            <th scope="col">Đang dùng</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{s.direction === 'incoming' ? 'Văn bản đến' : 'Văn bản đi'}</td>
              <td>{seriesTypes(s)}</td>
              <td>{s.issuerAbbreviation ?? ''}</td>
              <td>{s.active ? 'Có' : 'Không'}</td>
              <td>
                <button type="button" className="button button--quiet" onClick={() => setEditing({ series: s })}>
                  Sửa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <SeriesEditor
          key={editing.series?.id ?? 'new'}
          series={editing.series}
          onCancel={close}
          onSaved={close}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing({ series: null })}>
          Thêm sổ
        </button>
      )}
    </section>
  );
}

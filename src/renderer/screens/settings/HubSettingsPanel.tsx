import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { Notice } from '../../components/Notice.tsx';
import { HubConnectionActions } from './HubConnectionActions.tsx';
import { HubSettingsForm } from './HubSettingsForm.tsx';

// Cài đặt → Trục liên thông: how this profile reaches the national hub (address, system id and
// secret issued by the hub, its CA certificates), the end-of-day sync time, then a connection
// check and the agency directory.
export function HubSettingsPanel() {
  const settings = useQuery(apiQuery('hub.settings', {}));
  const view = settings.data;
  return (
    <section className="panel" aria-labelledby="hub-settings-title">
      <h2 id="hub-settings-title">Trục liên thông</h2>
      {settings.error ? <Notice tone="error">{`Chưa đọc được cài đặt trục liên thông: ${errorMessage(settings.error)}`}</Notice> : null}
      {view ? (
        <>
          <HubSettingsForm view={view} />
          <HubConnectionActions directory={view.directory} disabled={!view.settings} />
        </>
      ) : null}
    </section>
  );
}

import type { HubSettingsView } from '../../shared/api/schemas/hub.ts';
import { agencyDirectoryState, refreshAgencyDirectory, searchAgencies } from '../hub/agency-directory.ts';
import { DEFAULT_PROBE_TIMEOUT_MS, type HubClient } from '../hub/hub-client.ts';
import { createHubClientFor } from '../hub/hub-connection.ts';
import { hubSecretReadable, hubSettings, saveHubSettings } from '../hub/hub-settings.ts';
import type { SecretCipher } from '../hub/secret-cipher.ts';
import type { Profile } from '../profile/open-profile.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { timestamp } from '../registry/clock.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

function view(p: Profile, cipher: SecretCipher): HubSettingsView {
  return {
    settings: hubSettings(p),
    organId: getAgencyProfile(p)?.organId ?? null,
    cipher: cipher.kind,
    secretReadable: hubSecretReadable(p, cipher),
    directory: agencyDirectoryState(p),
  };
}

async function withClient<T>(p: Profile, cipher: SecretCipher, fn: (client: HubClient) => Promise<T>): Promise<T> {
  const client = createHubClientFor(p, cipher);
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}

// The hub configuration and the agency directory of the API contract (docs/sync.md, "Hub
// settings and the agency directory").
export function createHubHandlers({ ready, cipherFor, probeTimeoutMs }: Pick<HandlerDeps, 'ready' | 'cipherFor' | 'probeTimeoutMs'>): HandlersOf<'hub'> {
  return {
    'hub.settings': () => {
      const p = ready();
      return view(p, cipherFor(p));
    },
    'hub.saveSettings': (input) => {
      const p = ready();
      const cipher = cipherFor(p);
      saveHubSettings(p, input, cipher);
      return view(p, cipher);
    },
    'hub.probe': async () => {
      const p = ready();
      const result = await withClient(p, cipherFor(p), (client) => client.probe(probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS));
      return { reachable: result.reachable, latencyMs: result.latencyMs, checkedAt: timestamp(p.clock), detail: result.detail };
    },
    'hub.agencies': (input) => searchAgencies(ready(), input),
    'hub.refreshAgencies': async () => {
      const p = ready();
      return withClient(p, cipherFor(p), (client) => refreshAgencyDirectory(p, client));
    },
  };
}

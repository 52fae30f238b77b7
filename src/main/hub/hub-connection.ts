import { AppError } from '../../shared/errors.ts';
import type { RegistryContext } from '../registry/context.ts';
import { createHubClient, type HubClient, type HubClientConfig } from './hub-client.ts';
import { hubSecret, hubSettings, readCaCertificates } from './hub-settings.ts';
import type { SecretCipher } from './secret-cipher.ts';

// The hub client of a profile, from its saved settings: the endpoint, the system id, the secret
// opened with this side's cipher and the CA files read now (a file changed since it was saved is
// read as it is). Every caller (settings panel, directory, sync engine, CLI) closes the client.
export function createHubClientFor(
  profile: RegistryContext,
  cipher: SecretCipher,
  tuning: Omit<HubClientConfig, 'endpoint' | 'systemId' | 'secret' | 'caCertificates'> = {},
): HubClient {
  const settings = hubSettings(profile);
  if (!settings) {
    throw new AppError('NOT_FOUND', 'Chưa cấu hình kết nối trục liên thông. Hãy vào Cài đặt → Trục liên thông.', 'hub settings missing');
  }
  return createHubClient({
    ...tuning,
    clock: tuning.clock ?? profile.clock,
    endpoint: settings.endpoint,
    systemId: settings.systemId,
    secret: hubSecret(profile, cipher),
    caCertificates: readCaCertificates(settings.caCertificatePaths),
  });
}

import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api/contract.ts';
import type { IntegrityMonitor } from '../db/integrity-monitor.ts';
import type { SecretCipher } from '../hub/secret-cipher.ts';
import type { Profile } from '../profile/open-profile.ts';
import type { ProfileSession } from '../profile/profile-session.ts';
import type { ProgramResources } from '../program/resources.ts';
import type { TokenClient } from '../signing/pkcs11/token-client.ts';
import type { SyncService } from '../sync/sync-service.ts';

// One handler per operation of the API contract: the mapped type makes a missing or misspelt
// operation a compile error where the handler modules are put together (create-services.ts).
export type Handlers = {
  [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

// The handlers of the operations whose names start with one of the prefixes.
export type HandlersOf<Prefix extends string> = Pick<Handlers, Extract<OperationName, `${Prefix}.${string}`>>;

// What only the desktop can do; the loopback bridge supplies a version that declines.
export interface DesktopPort {
  openPath(path: string): Promise<boolean>;
}

// How this side keeps the hub secret: the app passes Electron safeStorage when the OS offers it,
// the bridge and the CLI the profile's key file (docs/sync.md).
export type CipherFor = (profile: Profile) => SecretCipher;

// What every handler module is made from (createXHandlers(deps) → handlers). Built once by
// createServices; a module takes the parts it needs.
export interface HandlerDeps {
  readonly session: ProfileSession;
  // The open profile once the first-run form is filled in; refuses in Vietnamese before that.
  readonly ready: () => Profile;
  readonly desktop: DesktopPort;
  readonly integrity: IntegrityMonitor;
  readonly resources: ProgramResources;
  // The one token worker of the process, started on first use: a second one would initialise the
  // same PKCS#11 module twice.
  readonly tokens: () => TokenClient;
  readonly cipherFor: CipherFor;
  // The same service the scheduler drives, so a scheduled run and the button share one run.
  readonly sync: SyncService;
  readonly probeTimeoutMs?: number | undefined;
}

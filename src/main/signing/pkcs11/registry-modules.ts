import { execFile } from 'node:child_process';
import { win32 } from 'node:path';
import { windowsFoldersOf, type ModuleCandidate } from './module-candidates.ts';
import { registryCandidates, type RegistryView } from './registry-providers.ts';

// Reads the token drivers' registrations with Windows' own reg.exe rather than a registry
// library: the ones on npm that can list subkeys are native addons (another module to build
// with MSVC and ship beside pkcs11js) or run VBScript through cscript, which Windows is
// retiring; reg.exe is in every Windows and its output is plain text (registry-providers.ts).
//
// Each key is named outright, WOW6432Node included, and read with /reg:64 so a 32-bit build of
// reg.exe does not silently read another view than the one asked for.
const QUERIES: ReadonlyArray<{ readonly key: string; readonly bits: RegistryView['bits'] }> = [
  { key: 'HKLM\\SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider', bits: 64 },
  { key: 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Cryptography\\Defaults\\Provider', bits: 32 },
  { key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Providers', bits: 64 },
];

export interface RegistryModulesOptions {
  readonly platform?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  // reg.exe by its full path (a reg.exe in the working folder must not be run instead); tests
  // put a stand-in here.
  readonly regExe?: string;
  readonly timeoutMs?: number;
}

function query(regExe: string, key: string, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(regExe, ['query', key, '/s', '/reg:64'], { timeout: timeoutMs, windowsHide: true, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      // A key that is not there (32-bit Windows has no WOW6432Node) exits 1, a hung reg.exe is
      // killed at the timeout: either way this part of the registry adds nothing, and the name
      // table still finds the modules it knows.
      resolve(error ? null : stdout);
    });
  });
}

// The modules beside the CSPs and KSPs Windows has registered, on Windows only; nothing
// elsewhere. The three keys are read at once, in a few tens of milliseconds on a usual machine.
export async function registryModules(options: RegistryModulesOptions = {}): Promise<ModuleCandidate[]> {
  const platform = options.platform ?? process.platform;
  if (platform !== 'win32') return [];
  const env = options.env ?? process.env;
  const windir = windowsFoldersOf(env).windir;
  if (!windir) return [];
  const regExe = options.regExe ?? win32.join(windir, 'System32', 'reg.exe');
  const outputs = await Promise.all(QUERIES.map((q) => query(regExe, q.key, options.timeoutMs ?? 5000)));
  return QUERIES.flatMap((q, i) => {
    const output = outputs[i];
    return output ? registryCandidates(output, { windir, env, bits: q.bits }) : [];
  });
}

import { win32 } from 'node:path';
import { knownModuleName, type ModuleCandidate } from './module-candidates.ts';

// The PKCS#11 modules Windows' registry points to, read from the text `reg query KEY /s` prints
// (registry-modules.ts runs it). A token's driver registers its CSP under
//   HKLM\SOFTWARE\Microsoft\Cryptography\Defaults\Provider\<name>        value "Image Path"
// and its KSP under
//   HKLM\SYSTEM\CurrentControlSet\Control\Cryptography\Providers\<name>\UM\<interface>  "Image"
// EnterSafe-style drivers (most Vietnamese CA tokens) pair the CSP file X_s.dll with the PKCS#11
// module X.dll beside it (../shared/trust/PKCS11-MODULES.md, confirmed by VNPT's installer).

export interface RegistryValue {
  readonly name: string;
  readonly type: string;
  readonly data: string;
}

export interface RegistryKey {
  readonly path: string;
  readonly values: readonly RegistryValue[];
}

// reg.exe prints each key's full path at the start of a line, then its values indented by four
// spaces as NAME, TYPE, DATA separated by four spaces (a name may itself hold spaces: "Image
// Path"), then a blank line. Anything else (the "End of search" line of /f, localised messages)
// is skipped.
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

export function parseRegQuery(output: string): RegistryKey[] {
  const keys: Array<{ path: string; values: RegistryValue[] }> = [];
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line)) {
      keys.push({ path: line.trimEnd(), values: [] });
      continue;
    }
    const value = VALUE_LINE.exec(line);
    const current = keys.at(-1);
    if (value && current) current.values.push({ name: value[1] ?? '', type: value[2] ?? '', data: (value[3] ?? '').trim() });
  }
  return keys;
}

export interface RegisteredProvider {
  // The name Windows knows the provider by: "VNPT-CA-CTDT V6-Token CSP".
  readonly name: string;
  readonly kind: 'csp' | 'ksp';
  readonly image: string;
}

const CSP_KEY = /\\Cryptography\\Defaults\\Provider\\([^\\]+)$/i;
// hSignerBridge reads Image under UM's subkeys; BCryptRegisterProvider's structure (one image per
// mode) would put it on UM itself. Both are taken.
const KSP_KEY = /\\Cryptography\\Providers\\([^\\]+)\\UM(?:\\[^\\]+)?$/i;
// Windows' own providers (rsaenh.dll, basecsp.dll, ncryptprov.dll…) are no token's driver.
const MICROSOFT = /^microsoft\b/i;

export function registeredProviders(keys: readonly RegistryKey[]): RegisteredProvider[] {
  const out: RegisteredProvider[] = [];
  const value = (key: RegistryKey, name: string) => key.values.find((v) => v.name.toLowerCase() === name.toLowerCase() && /^REG_(EXPAND_)?SZ$/.test(v.type))?.data;
  for (const key of keys) {
    const csp = CSP_KEY.exec(key.path)?.[1];
    const ksp = KSP_KEY.exec(key.path)?.[1];
    const name = csp ?? ksp;
    if (!name || MICROSOFT.test(name)) continue;
    const image = value(key, csp ? 'Image Path' : 'Image');
    if (image) out.push({ name, kind: csp ? 'csp' : 'ksp', image });
  }
  return out;
}

export interface RegistryView {
  readonly windir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  // 32: the registrations under WOW6432Node, which 32-bit programs read.
  readonly bits: 32 | 64;
}

// %SystemRoot% is expanded in REG_SZ as well as REG_EXPAND_SZ: VNPT's installer writes it into a
// plain string and Windows' CSP loader expands it anyway. Windows variable names ignore case.
function expand(text: string, env: RegistryView['env']): string {
  const lower = new Map(Object.entries(env).map(([k, v]) => [k.toLowerCase(), v]));
  return text.replace(/%([^%]+)%/g, (whole, name: string) => lower.get(name.toLowerCase()) ?? whole);
}

// The PKCS#11 module a registered image stands for: X.dll beside a CSP shell X_s.dll, or the
// image itself when its name is a known module (some drivers export both from one DLL). Any
// other image is a CSP or KSP only, which pkcs11js cannot use, so it is not probed at all
// (loading an unknown DLL runs its code for nothing).
export function moduleOfImage(image: string, view: RegistryView): string[] {
  const cleaned = expand(image.trim().replace(/^"(.*)"$/, '$1'), view.env);
  const system32 = win32.join(view.windir, 'System32');
  const full = win32.isAbsolute(cleaned) ? win32.normalize(cleaned) : win32.join(system32, cleaned);
  const base = win32.basename(full);
  const paired = /_s\.dll$/i.test(base) ? win32.join(win32.dirname(full), `${base.slice(0, -'_s.dll'.length)}.dll`) : knownModuleName(base) ? full : null;
  if (!paired) return [];
  // A 32-bit registration's System32 is SysWOW64 for the programs that read it. Its 64-bit twin
  // in System32, which many drivers install too, is the one a 64-bit app can load: tried first.
  if (view.bits === 32 && paired.toLowerCase().startsWith(`${system32.toLowerCase()}\\`)) {
    return [paired, win32.join(view.windir, 'SysWOW64', paired.slice(system32.length + 1))];
  }
  return [paired];
}

export function registryCandidates(output: string, view: RegistryView): ModuleCandidate[] {
  return registeredProviders(parseRegQuery(output)).flatMap((p) => moduleOfImage(p.image, view).map((path) => ({ path, source: 'registry' as const, provider: p.name })));
}

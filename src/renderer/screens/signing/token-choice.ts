import type { TokenModule } from '../../../shared/api/schemas/signing.ts';

export type Token = TokenModule['tokens'][number];
export type Certificate = Token['certificates'][number];

export interface TokenOption {
  readonly key: string;
  readonly modulePath: string;
  readonly token: Token;
}

// The tokens a signature can come from: those of the modules that loaded. A module that failed
// is explained in Cài đặt, not offered here.
export function tokenOptions(modules: readonly TokenModule[]): TokenOption[] {
  return modules
    .filter((m) => m.status === 'loaded')
    .flatMap((m) => m.tokens.map((token) => ({ key: `${m.path}|${token.serialNumber}`, modulePath: m.path, token })));
}

export function tokenLabel(t: Token): string {
  const maker = [t.manufacturer, t.model].filter((s) => s.trim() !== '').join(' ');
  return `${t.label} — ${maker ? `${maker}, ` : ''}số sê-ri ${t.serialNumber}`;
}

export { commonName } from '../../../shared/domain/distinguished-name.ts';

// A token whose PIN is locked, or that was never set up, cannot sign; the dialog says why.
export function canSign(t: Token): boolean {
  return t.pinStatus.state !== 'locked' && t.pinStatus.state !== 'not-initialized';
}

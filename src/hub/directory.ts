import type { HubSystemConfig } from './config.ts';
import type { HubStore } from './store.ts';

// The hub's agency directory: the agencies of the systems file (fixed for the life of the
// process) plus those registered through registerAgency (stored, deletable). An agency belongs to
// exactly one connected system, which sends for it and receives its packages.
export interface DirectoryAgency {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly mail: string;
  readonly pid: string;
  readonly systemId: string;
  readonly deleted: boolean;
  readonly fromSystemsFile: boolean;
  readonly modifiedAt: number;
}

const QCVN102 = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;

// QCVN 102 parent: zero the lowest non-zero group (000.46.24.H44 → 000.00.24.H44).
export function qcvn102Parent(code: string): string | undefined {
  const m = QCVN102.exec(code);
  if (!m) return undefined;
  const [, v, z, y, top] = m as unknown as [string, string, string, string, string];
  if (v !== '000') return `000.${z}.${y}.${top}`;
  if (z !== '00') return `000.00.${y}.${top}`;
  if (y !== '00') return `000.00.00.${top}`;
  return undefined;
}

export class HubDirectory {
  private readonly systems: ReadonlyMap<string, HubSystemConfig>;
  private readonly store: HubStore;
  private readonly startedAt: number;

  constructor(systems: readonly HubSystemConfig[], store: HubStore, startedAt: number) {
    this.systems = new Map(systems.map((s) => [s.systemId, s]));
    this.store = store;
    this.startedAt = startedAt;
  }

  secretOf(systemId: string): string | undefined {
    return this.systems.get(systemId)?.secret;
  }

  all(): DirectoryAgency[] {
    const byCode = new Map<string, DirectoryAgency>();
    for (const s of this.systems.values()) {
      for (const a of s.agencies) {
        byCode.set(a.code, {
          id: a.code,
          code: a.code,
          name: a.name,
          mail: a.mail ?? '',
          pid: '',
          systemId: s.systemId,
          deleted: false,
          fromSystemsFile: true,
          modifiedAt: this.startedAt,
        });
      }
    }
    for (const r of this.store.registeredAgencies()) {
      if (byCode.get(r.code)?.fromSystemsFile) continue;
      byCode.set(r.code, {
        id: r.id,
        code: r.code,
        name: r.name,
        mail: r.mail,
        pid: r.pcode,
        systemId: r.systemId,
        deleted: r.deleted,
        fromSystemsFile: false,
        modifiedAt: r.modifiedAt,
      });
    }
    return [...byCode.values()]
      .map((a) => {
        const parentCode = a.pid || qcvn102Parent(a.code);
        const parent = parentCode === undefined ? undefined : byCode.get(parentCode);
        return { ...a, pid: parent ? parent.id : a.pid };
      })
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  active(): DirectoryAgency[] {
    return this.all().filter((a) => !a.deleted);
  }

  find(code: string): DirectoryAgency | undefined {
    return this.active().find((a) => a.code === code);
  }

  agencyCodesOf(systemId: string): string[] {
    return this.active()
      .filter((a) => a.systemId === systemId)
      .map((a) => a.code);
  }
}

import { COPY_DOCUMENT_TYPES } from '../../shared/domain/copy-rules.ts';
import { yearOf } from '../../shared/domain/dates.ts';
import { comparisonKey } from '../../shared/domain/fold.ts';
import { AppError } from '../../shared/errors.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { today } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';

// One line of a breakdown by unit: what groups it and what it is called.
export interface UnitLine {
  readonly key: string;
  readonly label: string;
}

// What every report starts from: the agency for its header, the day it is made (the states are
// those of that day), and the units it groups by.
export interface ReportBasis {
  readonly agencyName: string;
  readonly parentAgencyName: string | null;
  readonly placeName: string;
  readonly asOf: string;
  // A unit as the registry holds it: a declared unit by its abbreviation ("VP", as the CLI and
  // the issuance store it) or its name ("Văn phòng…", as the instruction form proposes it) is one
  // line, keyed by the abbreviation and called by the declared name; any other text one line per
  // spelling, case and diacritics aside (as the processing history matches units).
  unitLine(unit: string): UnitLine;
  // The drafting unit a công văn's notation names (Appendix I, II.3: "chữ viết tắt tên đơn vị
  // soạn thảo" after the agency's), e.g. UBND-VP, or UBND-VP-M with the secret series' mark
  // (registry/outgoing.ts); null when it names no declared unit.
  notationUnit(notation: string): string | null;
}

export function reportBasis(ctx: RegistryContext): ReportBasis {
  const agency = getAgencyProfile(ctx);
  if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'agency profile missing');
  const declared = new Map<string, UnitLine>();
  for (const u of agency.units) {
    const line = { key: u.abbreviation, label: u.name };
    declared.set(comparisonKey(u.name), line);
    declared.set(comparisonKey(u.abbreviation), line);
  }
  return {
    agencyName: agency.name,
    parentAgencyName: agency.parentName,
    placeName: agency.placeName,
    asOf: today(ctx.clock),
    unitLine: (unit) => declared.get(comparisonKey(unit)) ?? { key: `~${comparisonKey(unit)}`, label: unit },
    notationUnit: (notation) => agency.units.find((u) => notation.endsWith(`-${u.abbreviation}`) || notation.endsWith(`-${u.abbreviation}-M`))?.abbreviation ?? null,
  };
}

// The register years a period of register dates spans: `year` leads the register indexes
// (migration 0001), so naming the years lets a date range use them.
export function periodYears(period: { readonly from: string; readonly to: string }): { fromYear: number; toYear: number } {
  return { fromYear: yearOf(period.from), toYear: yearOf(period.to) };
}

// Copies are counted in the yearly statistics (copies made), not among the documents the agency
// issued; as a SQL list of the copy types' keys (constants, never input).
export const COPY_TYPE_LIST = Object.values(COPY_DOCUMENT_TYPES)
  .map((t) => `'${t}'`)
  .join(', ');

import { COPY_DOCUMENT_TYPES } from '../../shared/domain/copy-rules.ts';
import { yearOf } from '../../shared/domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { today } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';

// What every report starts from: the agency for its header, the day it is made (the states are
// those of that day), and the labels of the units and types it groups by.
export interface ReportBasis {
  readonly agencyName: string;
  readonly parentAgencyName: string | null;
  readonly placeName: string;
  readonly asOf: string;
  // A unit as the registry holds it (an abbreviation such as "VP", or a name typed by the clerk)
  // shown by its declared name when it is a declared abbreviation.
  unitLabel(unit: string): string;
}

export function reportBasis(ctx: RegistryContext): ReportBasis {
  const agency = getAgencyProfile(ctx);
  if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'agency profile missing');
  const names = new Map(agency.units.map((u) => [u.abbreviation, u.name]));
  return {
    agencyName: agency.name,
    parentAgencyName: agency.parentName,
    placeName: agency.placeName,
    asOf: today(ctx.clock),
    unitLabel: (unit) => names.get(unit) ?? unit,
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

import { z } from 'zod';
import { isoDateTime } from './common.ts';

// The profile's connection to the national hub and its cached agency directory (docs/sync.md,
// "Hub settings and the agency directory"). The secret goes in, never out.

export const SCHEDULE_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// What the clerk (or `vanthu hub-config`) enters. The agency's organId is not here: it is the one
// of the agency profile.
export const hubSettingsInput = z.strictObject({
  // A host after the scheme (shared code has no URL parser; the client parses it fully).
  endpoint: z
    .string()
    .trim()
    .max(2000, { error: 'dài quá 2000 ký tự' })
    .regex(/^https?:\/\/[^\s/?#:@]+(:\d{1,5})?([/?#]\S*)?$/i, { error: 'phải là một địa chỉ http:// hoặc https://' }),
  systemId: z
    .string()
    .trim()
    .min(1, { error: 'cần nhập mã hệ thống do trục cấp' })
    .max(200, { error: 'dài quá 200 ký tự' })
    .regex(/^[\x21-\x7e]+$/, { error: 'chỉ gồm chữ không dấu, số và dấu câu, không có khoảng trắng' }),
  // PEM files trusted for the hub's TLS in addition to the public CAs; checked when saved.
  caCertificatePaths: z.array(z.string().trim().min(1, { error: 'đường dẫn trống' }).max(1000)).max(20).default([]),
  // End-of-day sync time, Vietnam time; null: no scheduled sync.
  scheduleTime: z.string().trim().regex(SCHEDULE_TIME, { error: 'dạng HH:mm, ví dụ 17:00' }).nullable().default('17:00'),
  // Off: the automatic syncs (schedule, network back) do not run; the clerk can still sync by hand.
  enabled: z.boolean().default(true),
  // Omitted: keep the stored secret. Required the first time.
  secret: z.string().trim().min(1, { error: 'cần nhập khóa bí mật do trục cấp' }).max(1000, { error: 'dài quá 1000 ký tự' }).optional(),
});
export type HubSettingsInput = z.input<typeof hubSettingsInput>;

export const hubSettingsRecord = z.object({
  endpoint: z.string(),
  systemId: z.string(),
  caCertificatePaths: z.array(z.string()),
  scheduleTime: z.string().nullable(),
  enabled: z.boolean(),
  hasSecret: z.boolean(),
  // How the stored secret is sealed (SecretCipher kind), null without one.
  secretCipher: z.string().nullable(),
});
export type HubSettingsRecord = z.infer<typeof hubSettingsRecord>;

export const agencyDirectoryState = z.object({
  count: z.int().min(0),
  // Last successful refresh from the hub; null: never refreshed.
  refreshedAt: isoDateTime.nullable(),
});
export type AgencyDirectoryState = z.infer<typeof agencyDirectoryState>;

// What the settings panel shows: the saved settings (null until configured), the organId the
// packages are sent under (from the agency profile), how this side seals a secret and whether it
// can read the one stored (a secret saved by the app cannot be read by the CLI and back).
export const hubSettingsView = z.object({
  settings: hubSettingsRecord.nullable(),
  organId: z.string().nullable(),
  cipher: z.string(),
  secretReadable: z.boolean(),
  directory: agencyDirectoryState,
});
export type HubSettingsView = z.infer<typeof hubSettingsView>;

export const hubProbeResult = z.object({
  reachable: z.boolean(),
  latencyMs: z.int().min(0).nullable(),
  checkedAt: isoDateTime,
  // Why the hub could not be reached (or what it refused), in Vietnamese.
  detail: z.string().nullable(),
});
export type HubProbeResult = z.infer<typeof hubProbeResult>;

export const agencySearchInput = z.strictObject({
  query: z.string().max(200).default(''),
  limit: z.int().min(1).max(200).default(50),
  offset: z.int().min(0).default(0),
});

export const cachedAgency = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  mail: z.string().nullable(),
});
export type CachedAgency = z.infer<typeof cachedAgency>;

export const agencySearchResult = z.object({
  items: z.array(cachedAgency),
  total: z.int().min(0),
  refreshedAt: isoDateTime.nullable(),
});
export type AgencySearchResult = z.infer<typeof agencySearchResult>;

export const agencyRefreshResult = z.object({
  total: z.int().min(0),
  added: z.int().min(0),
  removed: z.int().min(0),
  refreshedAt: isoDateTime,
});
export type AgencyRefreshResult = z.infer<typeof agencyRefreshResult>;

import { z } from 'zod';
import { abbreviation, optionalMultiline, optionalText, organId, requiredText } from './common.ts';

export const unitSchema = z.strictObject({
  name: requiredText(300),
  abbreviation,
});

// The agency file of `vanthu init --agency FILE.json` and the settings form share this schema.
export const agencyProfileInput = z
  .strictObject({
    name: requiredText(300),
    parentName: optionalText(300),
    organId,
    abbreviation,
    placeName: requiredText(100),
    address: optionalMultiline(1000),
    phone: optionalText(50),
    email: optionalText(200),
    website: optionalText(200),
    units: z.array(unitSchema).max(200).default([]),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.units.forEach((u, i) => {
      if (seen.has(u.abbreviation)) {
        ctx.addIssue({ code: 'custom', path: ['units', i, 'abbreviation'], message: `chữ viết tắt ${u.abbreviation} bị trùng` });
      }
      seen.add(u.abbreviation);
    });
  });
export type AgencyProfileInput = z.input<typeof agencyProfileInput>;
export type AgencyProfile = z.output<typeof agencyProfileInput>;

export const agencyProfile = z.object({
  name: z.string(),
  parentName: z.string().nullable(),
  organId: z.string(),
  abbreviation: z.string(),
  placeName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  units: z.array(z.object({ name: z.string(), abbreviation: z.string() })),
});

import { z } from 'zod';
import { isValidOrganId } from '../../shared/domain/organ-id.ts';

// What the clerk (or `vanthu hub-config`) enters to connect a profile to the hub. Pure zod: the
// API contract can reuse it as is.
export const hubSettingsInput = z.object({
  endpoint: z
    .string()
    .trim()
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'Địa chỉ trục phải là một URL http:// hoặc https://'),
  systemId: z
    .string()
    .trim()
    .min(1, 'Cần nhập mã hệ thống do trục cấp')
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'Mã hệ thống chỉ gồm chữ không dấu, số và dấu câu, không có khoảng trắng'),
  organId: z.string().trim().refine(isValidOrganId, 'Mã định danh cơ quan chỉ gồm chữ in hoa, số và dấu chấm, tối đa 35 ký tự'),
  caCertificatePaths: z.array(z.string().trim().min(1)).default([]),
  // End-of-day sync time, Vietnam time; null turns the schedule off.
  scheduleTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ đồng bộ dạng HH:mm, ví dụ 17:00')
    .nullable()
    .default('17:00'),
  enabled: z.boolean().default(true),
  // Omitted: keep the stored secret. Required the first time.
  secret: z.string().trim().min(1, 'Cần nhập khóa bí mật do trục cấp').max(1000).optional(),
});
export type HubSettingsInput = z.input<typeof hubSettingsInput>;

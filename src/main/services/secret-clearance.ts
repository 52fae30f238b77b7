import { AppError } from '../../shared/errors.ts';
import { issuanceSettingsOf } from '../issuance/issuance-settings.ts';
import type { RegistryContext } from '../registry/context.ts';

// Secret documents stay off a machine the agency has not cleared for them (the state-secrets
// law 29/2018/QH14): the same clearance as secret drafting (issuance settings, docs/issuance.md).
// Checked by the handlers and the CLI alike.
export function requireSecretClearance(ctx: RegistryContext): void {
  if (!issuanceSettingsOf(ctx).allowSecretDrafts) {
    throw new AppError(
      'FORBIDDEN',
      'Máy này chưa được cơ quan cho phép lưu văn bản mật (Luật Bảo vệ bí mật nhà nước số 29/2018/QH14): chỉ bật "Cho phép soạn văn bản mật" (Cài đặt → Soạn thảo, phát hành) khi máy đã được phép; nếu không, vào sổ văn bản mật trên giấy.',
      'secret incoming register used on a machine not cleared for secret documents',
    );
  }
}

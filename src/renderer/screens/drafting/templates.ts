import type { DraftInput } from '../../../shared/api/schemas/draft.ts';
import congVan from '../../../../resources/drafts/examples/cong-van.json';
import quyetDinh from '../../../../resources/drafts/examples/quyet-dinh.json';
import toTrinh from '../../../../resources/drafts/examples/to-trinh.json';
import baoCao from '../../../../resources/drafts/examples/bao-cao.json';
import thongBao from '../../../../resources/drafts/examples/thong-bao.json';
import keHoach from '../../../../resources/drafts/examples/ke-hoach.json';
import giayMoi from '../../../../resources/drafts/examples/giay-moi.json';
import giayGioiThieu from '../../../../resources/drafts/examples/giay-gioi-thieu.json';
import bienBan from '../../../../resources/drafts/examples/bien-ban.json';
import chiThi from '../../../../resources/drafts/examples/chi-thi.json';

// Starting points for a new draft, one per type: the examples of docs/drafting.md, bundled from
// resources/drafts/examples by Vite (the renderer cannot read resources/ at run time). The
// clerk overwrites them; the other named types start from the generic form (chỉ thị). JSON
// imports are typed loosely (strings, not the schema's literals); the server validates every
// draft it previews or stores.
export const DRAFT_TEMPLATES: Readonly<Record<string, DraftInput>> = {
  'cong-van': congVan as unknown as DraftInput,
  'quyet-dinh': quyetDinh as unknown as DraftInput,
  'to-trinh': toTrinh as unknown as DraftInput,
  'bao-cao': baoCao as unknown as DraftInput,
  'thong-bao': thongBao as unknown as DraftInput,
  'ke-hoach': keHoach as unknown as DraftInput,
  'giay-moi': giayMoi as unknown as DraftInput,
  'giay-gioi-thieu': giayGioiThieu as unknown as DraftInput,
  'bien-ban': bienBan as unknown as DraftInput,
  'chi-thi': chiThi as unknown as DraftInput,
};

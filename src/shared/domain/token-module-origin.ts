// Where a PKCS#11 module was found and whose it is, in the clerk's words: one wording for
// `vanthu token list` and Cài đặt → Ký số. The worker decides the facts
// (src/main/signing/pkcs11/module-candidates.ts); this only names them.

// 'user': a path the clerk gave (settings, --module); 'known': a DLL name of the table found in
// the system or a vendor folder; 'registry': the PKCS#11 module beside a token's CSP or KSP as
// Windows registers it.
export const MODULE_SOURCES = ['user', 'known', 'registry'] as const;
export type ModuleSource = (typeof MODULE_SOURCES)[number];

// How sure the name table is (../shared/trust/PKCS11-MODULES.md): V the CA's own software names
// the file, I an integrator's code loads it, L only a candidate list whose author may have guessed.
export const EVIDENCE_GRADES = ['V', 'I', 'L'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

// 'ca': the module a CA ships with its tokens; 'middleware': a token maker's module that tokens
// of several CAs use, so it does not tell which CA issued the certificate on the token.
export const OWNER_KINDS = ['ca', 'middleware'] as const;
export type ModuleOwnerKind = (typeof OWNER_KINDS)[number];

export interface ModuleOwner {
  readonly name: string;
  readonly kind: ModuleOwnerKind;
  readonly grade: EvidenceGrade;
}

export const UNKNOWN_OWNER_VI = 'Không rõ tổ chức cấp';

export function moduleOwnerVi(owner: ModuleOwner | null | undefined): string {
  if (!owner) return UNKNOWN_OWNER_VI;
  return owner.kind === 'ca' ? owner.name : `${owner.name} (phần mềm của hãng thiết bị, nhiều tổ chức cấp cùng dùng)`;
}

export const GRADE_NAMES: Readonly<Record<EvidenceGrade, string>> = {
  V: 'tên tệp có trong phần mềm của chính tổ chức cấp',
  I: 'tên tệp có trong phần mềm ký số của bên thứ ba',
  L: 'tên tệp chỉ có trong danh sách tham khảo, chưa kiểm chứng',
};

// The provider name is Windows' own (e.g. "VNPT-CA-CTDT V6-Token CSP"), shown as it is: it is
// often the only hint of the CA when the DLL name is not in the table.
export function moduleSourceVi(source: ModuleSource, provider: string | null | undefined): string {
  switch (source) {
    case 'user':
      return 'đường dẫn do người dùng chỉ định';
    case 'known':
      return 'tên tệp đã biết, trong thư mục hệ thống hoặc của nhà cung cấp';
    case 'registry':
      return provider ? `đăng ký của Windows cho "${provider}"` : 'đăng ký của Windows';
  }
}

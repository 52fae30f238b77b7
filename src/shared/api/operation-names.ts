// The names of the contract's operations, without their schemas: the preload needs only these,
// and must not carry zod and every schema into the sandboxed page. contract.ts is checked
// against this list, so an operation cannot be added in one place and not the other.
export const OPERATION_NAMES = [
  'app.info',
  'profile.get',
  'profile.save',
  'series.list',
  'series.save',
  'registers.list',
  'incoming.checkDuplicates',
  'incoming.register',
  'outgoing.preview',
  'outgoing.register',
  'documents.list',
  'documents.get',
  'documents.update',
  'documents.void',
  'documents.addAttachment',
  'documents.readAttachment',
  'processing.list',
  'processing.update',
  'books.export',
  'books.openExport',
  'books.import',
  'backup.create',
  'backup.list',
  'backup.restore',
  'audit.list',
  'audit.verify',
  'db.check',
  'signing.settings',
  'signing.saveSettings',
  'token.list',
  'signing.placement',
  'signing.sign',
  'signing.number',
  'signing.verify',
  'issuance.settings',
  'issuance.saveSettings',
  'drafts.preview',
  'issuance.createFromDraft',
  'issuance.readFile',
  'issuance.verifyFile',
  'issuance.create',
  'issuance.correct',
  'issuance.list',
  'issuance.get',
  'issuance.submit',
  'issuance.approve',
  'issuance.number',
  'issuance.issue',
  'issuance.register',
  'issuance.distribute',
  'issuance.void',
  'hub.settings',
  'hub.saveSettings',
  'hub.probe',
  'hub.agencies',
  'hub.refreshAgencies',
  'sync.run',
  'sync.state',
  'inbox.list',
  'inbox.get',
  'inbox.readFile',
  'inbox.accept',
  'inbox.refuse',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

// One IPC channel per operation; nothing generic is exposed to the renderer.
export function channelOf(name: OperationName): string {
  return `vanthu:${name}`;
}

export function isOperationName(name: string): name is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(name);
}

import type { BusinessDocType } from '../edxml/model.ts';
import { buildDocumentPackage } from './document-package.ts';
import type { PackageBuilders } from './send-packages.ts';
import { buildStatusPackage } from './status-package.ts';

// How the sync builds what it sends: a document package for an issued document, a status
// package about an incoming one.
export const PACKAGE_BUILDERS: PackageBuilders = {
  edoc: (p, documentId, businessType, reason, out) =>
    buildDocumentPackage(p, documentId, out, { businessType: businessType as BusinessDocType, ...(reason ? { reason } : {}) }),
  status: buildStatusPackage,
};

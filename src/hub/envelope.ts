// Every answer of the hub is the JSON envelope the SDK reads: status, ErrorCode, ErrorDesc, then
// the operation's payload. No public list of the real hub's error codes exists, so these are
// ours; a client must only rely on "0" meaning success. ErrorDesc is Vietnamese because a client
// may show it to the clerk as it is.
//   "0"  success
//   "1"  INVALID_REQUEST   a parameter is missing or malformed (messagetype, status, paging, body)
//   "2"  AUTH_FAILED       XroadVnpt headers missing, bad HMAC, a signed header altered, unknown systemid
//   "3"  FORBIDDEN         `from` (or the agency to delete) is not an agency of the calling system
//   "4"  NOT_FOUND         docId unknown, or not addressed to one of the caller's agencies
//   "5"  PACKAGE_REFUSED   not a readable edXML header (not XML, DOCTYPE, header too large,
//                          no recipient, From/OrganId differs from `from`)
//   "6"  HASH_MISMATCH     hash-file does not match the uploaded bytes
//   "7"  UNKNOWN_OPERATION no such operation (HTTP 404)
//   "8"  CONFLICT          registerAgency of a code that already exists
//   "9"  UNKNOWN_RECIPIENT a recipient OrganId is not in the hub's directory
//   "98" UNAVAILABLE       injected 5xx fault (HTTP 503): nothing was done, retrying is safe
//   "99" INTERNAL          unexpected hub error (HTTP 500)
export const HUB_ERRORS = {
  INVALID_REQUEST: '1',
  AUTH_FAILED: '2',
  FORBIDDEN: '3',
  NOT_FOUND: '4',
  PACKAGE_REFUSED: '5',
  HASH_MISMATCH: '6',
  UNKNOWN_OPERATION: '7',
  CONFLICT: '8',
  UNKNOWN_RECIPIENT: '9',
  UNAVAILABLE: '98',
  INTERNAL: '99',
} as const;

export type HubErrorName = keyof typeof HUB_ERRORS;

const HTTP_STATUS: Partial<Record<HubErrorName, number>> = { UNKNOWN_OPERATION: 404, UNAVAILABLE: 503, INTERNAL: 500 };

// A refusal the handlers throw; the server turns it into a FAIL envelope.
export class HubFailure extends Error {
  readonly errorName: HubErrorName;
  readonly description: string;

  constructor(errorName: HubErrorName, description: string, detailEn: string) {
    super(detailEn);
    this.name = 'HubFailure';
    this.errorName = errorName;
    this.description = description;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.errorName] ?? 200;
  }
}

export function okEnvelope(payload: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 'OK', ErrorCode: '0', ErrorDesc: 'Thành công', ...payload };
}

export function failEnvelope(failure: HubFailure): Record<string, unknown> {
  return { status: 'FAIL', ErrorCode: HUB_ERRORS[failure.errorName], ErrorDesc: failure.description };
}

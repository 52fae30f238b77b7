// Bounds on what a package may make the reader hold or write. Text bounds are in UTF-16 code
// units of the raw XML text (entities not yet expanded), so they are conservative.
export const MAX_HEADER_TEXT = 64 * 1024;
// All the text kept from one package's header, manifest and attachment descriptions together.
export const MAX_TOTAL_HEADER_TEXT = 2 * 1024 * 1024;
// One tag, comment, processing instruction or CDATA section.
export const MAX_MARKUP = 64 * 1024;
export const MAX_ELEMENTS = 20_000;
export const MAX_DEPTH = 32;
export const DEFAULT_MAX_ATTACHMENTS = 100;
export const DEFAULT_MAX_ATTACHMENT_BYTES = 1024 * 1024 * 1024;
// A zipped attachment expanding more than this ratio is a zip bomb, once it expands past
// ZIP_RATIO_FREE_BYTES (small, very regular files legitimately compress far better than 100:1).
export const MAX_ZIP_RATIO = 100;
export const ZIP_RATIO_FREE_BYTES = 1024 * 1024;
export const MAX_ATTACHMENT_NAME = 255;

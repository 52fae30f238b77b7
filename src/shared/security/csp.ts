// The Content-Security-Policy of every page of the renderer, sent as a response header by the
// app:// protocol handler and by the loopback bridge alike. Nothing inline, nothing remote: the
// renderer only runs the scripts it was built with and only talks to its own origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

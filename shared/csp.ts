// The page's Content-Security-Policy: only the app's own scripts, styles and images; no inline script,
// no eval, no network, no frames, no plugins. Style attributes are not allowed either: React and the
// preview set styles through the CSSOM, which CSP does not govern. Media only from blobs the page made
// (a recorded part handed over by the main process, played back).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  'media-src blob:',
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

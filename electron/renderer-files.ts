// Which file of the built renderer a request names: the one rule for the app:// protocol handler
// (electron/app/protocol.ts) and the test bridge. Only the expected origin, only files inside the root
// (also after decoding and after following symlinks), only regular files.
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface RendererFile {
  path: string;
  contentType: string;
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/** The file a request for origin (e.g. "app://bien-ban") names under root, or null (answer 404). */
export function resolveRendererFile(root: string, requestUrl: string, origin: string): RendererFile | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  if (`${url.protocol}//${url.host}` !== origin) return null;
  // A backslash or NUL is never part of the renderer's file names (and a backslash is a separator on Windows).
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  const path = normalize(join(root, pathname));
  if (!inside(root, path)) return null;
  try {
    const real = realpathSync(path);
    if (!inside(realpathSync(root), real) || !statSync(real).isFile()) return null;
    return { path: real, contentType: CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

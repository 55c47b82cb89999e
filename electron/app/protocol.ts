// Serves the built renderer from app://bien-ban/ (not file://), with the Content-Security-Policy.
// Which file a request names is decided by electron/renderer-files.ts, tested under Node.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { resolveRendererFile } from '../renderer-files.ts';

export const APP_ORIGIN = 'app://bien-ban';
const SCHEME = 'app';

/** Must run before the app is ready. */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

export function serveRenderer(root: string): void {
  protocol.handle(SCHEME, async (request) => {
    const target = resolveRendererFile(root, request.url, APP_ORIGIN);
    if (!target) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(target.path).toString()).catch(() => null);
    if (!file?.ok) return new Response('Not found', { status: 404 });
    return new Response(file.body, {
      headers: {
        'content-type': target.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

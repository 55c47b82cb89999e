// The rule of the app:// protocol handler (and of the test bridge): which request reaches which file.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../electron/renderer-files.ts';
import { tempDir } from './support/store.ts';

const ORIGIN = 'app://bien-ban';

function layout() {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), '');
  writeFileSync(join(root, 'assets', 'index-abc.css'), '');
  writeFileSync(join(dir, 'secret.txt'), 'bí mật');
  writeFileSync(join(dir, 'bien-ban.sqlite'), '');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link-out.js'));
  symlinkSync(dir, join(root, 'up'));
  symlinkSync(join(root, 'index.html'), join(root, 'assets', 'link-in.html'));
  return { dir, root };
}

describe('renderer files served under app://bien-ban', () => {
  it('serves the page and its assets with their content types', () => {
    const { root } = layout();
    expect(resolveRendererFile(root, `${ORIGIN}/`, ORIGIN)).toEqual({ path: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveRendererFile(root, `${ORIGIN}/index.html`, ORIGIN)?.path).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, `${ORIGIN}/assets/index-abc.js?v=1#x`, ORIGIN)).toEqual({
      path: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile(root, `${ORIGIN}/assets/index%2Dabc.css`, ORIGIN)?.contentType).toBe('text/css; charset=utf-8');
    // A symlink that stays inside the root is followed.
    expect(resolveRendererFile(root, `${ORIGIN}/assets/link-in.html`, ORIGIN)?.path).toBe(join(root, 'index.html'));
  });

  it.each([
    ['.. in the path (normalised by the URL itself)', '/../secret.txt'],
    ['encoded ..', '/%2e%2e/secret.txt'],
    ['encoded .. and slashes', '/..%2F..%2Fsecret.txt'],
    ['encoded .. twice', '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt'],
    ['double-encoded ..', '/%252e%252e/secret.txt'],
    ['an encoded backslash', '/..%5Csecret.txt'],
    ['an encoded NUL', '/index.html%00.js'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['an absolute path in the path', '/%2Fetc%2Fpasswd'],
    ['a symlink out of the root', '/assets/link-out.js'],
    ['a symlinked folder out of the root', '/up/secret.txt'],
    ['a folder', '/assets'],
    ['a file that does not exist', '/missing.js'],
  ])('refuses %s', (_name, path) => {
    const { root } = layout();
    expect(resolveRendererFile(root, `${ORIGIN}${path}`, ORIGIN)).toBeNull();
  });

  it.each([
    ['another host', 'app://other/index.html'],
    ['a host with a port', 'app://bien-ban:80/index.html'],
    ['file:', 'file:///etc/passwd'],
    ['http:', 'http://bien-ban/index.html'],
    ['https:', 'https://bien-ban/index.html'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    const { root } = layout();
    expect(resolveRendererFile(root, url, ORIGIN)).toBeNull();
  });

  it('serves the same files for the test bridge origin, and nothing for the app origin there', () => {
    const { root } = layout();
    expect(resolveRendererFile(root, 'http://127.0.0.1:4321/assets/index-abc.js', 'http://127.0.0.1:4321')?.path).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(root, 'http://127.0.0.1:4321/%2e%2e/secret.txt', 'http://127.0.0.1:4321')).toBeNull();
    expect(resolveRendererFile(root, `${ORIGIN}/index.html`, 'http://127.0.0.1:4321')).toBeNull();
  });
});

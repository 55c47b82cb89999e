// Small tmpfs mounts for the read-only and full-disk cases (root only; elsewhere the tests say they are
// skipped and why). Unmounted after the test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

let usable: boolean | null = null;

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as on our machines and in CI). */
export function canMount(): boolean {
  if (usable !== null) return usable;
  if (process.getuid?.() !== 0) return (usable = false);
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-test-mount-'));
  try {
    usable = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
    if (usable) spawnSync('umount', [dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return usable;
}

/** A fresh tmpfs of sizeKb kilobytes, unmounted (before its folder is removed) after the test. */
export function tmpfs(sizeKb: number): { dir: string; readOnly(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'bien-ban-test-disk-'));
  const dir = join(parent, 'disk');
  mkdirSync(dir);
  onTestFinished(() => {
    if (spawnSync('umount', [dir]).status !== 0) spawnSync('umount', ['-l', dir]);
    rmSync(parent, { recursive: true, force: true });
  });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
  return {
    dir,
    readOnly: () => {
      const result = spawnSync('mount', ['-o', 'remount,ro', dir]);
      if (result.status !== 0) throw new Error(`remount failed: ${result.stderr}`);
    },
  };
}

// The Electron security checklist, checked by a scanner for Electron apps (Electronegativity) over the
// Electron-facing code and the page; any finding not reviewed below fails the tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import * as CSP from '../shared/csp.ts';

// The policy evaluator the scanner uses (Google's CSP Evaluator), asked directly.
const cspEvaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { directive: string; value?: string }[] };
  Version: { CSP3: unknown };
};

const ROOT = new URL('..', import.meta.url).pathname;
const SCANNER = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

/**
 * Runs the scanner offline: its message catalogue is fetched from the web with a client that crashes the
 * process when the request fails, so that client answers "offline" at once (the bundled catalogue is used).
 * It also writes its CSV header and rows with two concurrent fs.writeFile calls (truncate vs append), which
 * under load loses or garbles the start of the file; writes are made synchronous so they land in order.
 */
const OFFLINE_SCANNER = `
const fs = require('node:fs');
fs.writeFile = (file, data, options, done) => {
  if (typeof options === 'function') [done, options] = [options, undefined];
  try { fs.writeFileSync(file, data, options); } catch (error) { return done && done(error); }
  if (done) done(null);
};
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('offline'));
  return load.call(this, request, ...rest);
};
process.argv = [process.argv[0], ${JSON.stringify(SCANNER)}, ...process.argv.slice(1)];
require(${JSON.stringify(SCANNER)});
`;

/** Findings looked at and accepted, with the reason. */
const REVIEWED: { id: string; confidence?: string; reason: string }[] = [
  { id: 'PRELOAD_JS_CHECK', reason: 'the preload exposes one named function per contract channel and nothing generic (electron/app/preload.ts)' },
  {
    id: 'CSP_GLOBAL_CHECK',
    confidence: 'FIRM',
    reason:
      'a "maybe weak" policy: script-src \'self\', which matters for hosts of JSONP or uploads; app://bien-ban serves only the built files (checked below)',
  },
];
const reviewed = (f: Finding) => REVIEWED.some((r) => r.id === f.id && (r.confidence === undefined || r.confidence === f.confidence));

const stages: string[] = [];
afterAll(() => stages.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Finding {
  id: string;
  confidence: string;
  file: string;
  location: string;
}

function scan(files: Record<string, string>): Finding[] {
  const stage = mkdtempSync(join(tmpdir(), 'bien-ban-scan-'));
  stages.push(stage);
  mkdirSync(join(stage, 'app'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(stage, 'app', name), content);
  const output = join(stage, 'findings.csv');
  const result = spawnSync(
    process.execPath,
    [
      '-e',
      OFFLINE_SCANNER,
      '--',
      '-i',
      join(stage, 'app'),
      '-e',
      ELECTRON_VERSION,
      '-r',
      '-v',
      'false',
      // This check downloads Electron's list of releases; our machines have no network.
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-o',
      output,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  // Cells may hold line breaks: a real CSV parser, not a split on lines.
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(output, 'utf8').trim()).data;
  expect(header?.[0]).toBe('issue');
  return rows.map(([id = '', , confidence = '', file = '', location = '']) => ({
    id,
    confidence: confidence.trim(),
    file: file.trim(),
    location: location.trim(),
  }));
}

const appSources = (): Record<string, string> => {
  const dir = join(ROOT, 'electron/app');
  const files: Record<string, string> = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  files['index.html'] = readFileSync(join(ROOT, 'renderer/index.html'), 'utf8');
  return files;
};

describe('Electron security scan', () => {
  it('finds nothing unreviewed in the app', () => {
    const findings = scan(appSources()).filter((f) => !reviewed(f));
    expect(findings).toEqual([]);
  });

  it("has no concern about the page's policy but script-src 'self'", () => {
    const { CONTENT_SECURITY_POLICY } = CSP;
    const evaluator = new cspEvaluator.CspEvaluator(new cspEvaluator.CspParser(CONTENT_SECURITY_POLICY).csp, cspEvaluator.Version.CSP3);
    const concerns = evaluator.evaluate().map((f: { directive: string; value?: string }) => `${f.directive} ${f.value ?? ''}`.trim());
    expect(concerns).toEqual(["script-src 'self'"]);
  });

  it('does report an insecure window, so a clean result means something', () => {
    const findings = scan({
      'main.js': `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });`,
    }).map((f) => f.id);
    expect(findings).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'CSP_GLOBAL_CHECK',
      ]),
    );
  });
});

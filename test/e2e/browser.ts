// Debian's Chromium driven by Playwright (playwright-core never downloads a browser of its own).
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `locale` is the system language Chromium starts with (its time and date inputs follow it). */
/** extraArgs: more switches for one suite (a fake capture device). */
export function launchChromium(locale = 'vi-VN', extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      `--lang=${locale}`,
      ...extraArgs,
    ],
  });
}

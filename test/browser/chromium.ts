// Finds and launches Debian's Chromium for the browser tests (never a downloaded browser); says clearly when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** The system Chromium (CHROMIUM_PATH overrides `which chromium`), or null. */
export function chromiumPath(): string | null {
  const override = process.env.CHROMIUM_PATH;
  if (override !== undefined) return existsSync(override) ? override : null;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH under this name
    }
  }
  return null;
}

/**
 * Whether the browser suites run. Without Chromium they are skipped with a message, except under CI=true, where a
 * missing browser is a failure.
 */
export function browserAvailability(): { run: boolean; reason: string } {
  const path = chromiumPath();
  if (path) return { run: true, reason: '' };
  const reason =
    'Chromium not found (`which chromium`): browser tests SKIPPED. Install it with `apt-get install -y chromium`.';
  if (process.env.CI === 'true') throw new Error(`${reason} CI=true makes this a failure.`);
  console.warn(reason);
  return { run: false, reason };
}

/** Launches headless Chromium with a fresh --user-data-dir; close() also removes that profile. */
export async function launchChromium(): Promise<{
  context: BrowserContext;
  /** Every request that tried to leave 127.0.0.1 (each was refused): tests never reach the network. */
  blocked: string[];
  close: () => Promise<void>;
}> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found');
  const profile = mkdtempSync(join(tmpdir(), 'sim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const blocked: string[] = [];
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])/, (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return {
    context,
    blocked,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

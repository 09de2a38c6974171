// What every page and mail must pass in Chromium: fits the width, no external request, tap targets, axe-core.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { shrinkPng } from './png';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = join(root, 'docs/screenshots');

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** The WCAG 2.1 A/AA rule sets axe checks. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core on the page as it is now: every violation with its impact and the offending nodes. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Only what the issue forbids: serious and critical violations. */
export function seriousOrCritical(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** How far the document is wider than the viewport (0 or less: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
}

/**
 * Controls a finger must hit that are smaller than 44 px in either direction: buttons, fields, list boxes, the
 * summaries that open the secondary choices, checkbox labels and links that stand alone on their line (links inside
 * running text are exempt, as in WCAG 2.5.5). Controls not laid out (inside a closed <details>) are skipped.
 */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const out = [];
    const standalone = (a) => {
      const parent = a.parentElement;
      return parent && parent.textContent.trim() === a.textContent.trim() && parent.children.length === 1;
    };
    const targets = Array.from(document.querySelectorAll(
      'button, select, textarea, summary, label.check, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), a[href]'
    )).filter((el) => el.tagName !== 'A' || standalone(el));
    for (const el of targets) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.height < 44 || box.width < 44) out.push(el.tagName.toLowerCase() + ' "' + (el.textContent || el.getAttribute('name') || '').trim().slice(0, 40) + '" ' + Math.round(box.width) + 'x' + Math.round(box.height));
    }
    return out;
  })()`)) as string[];
}

/** Opens every <details> so the secondary choices (Kembalikan, Tolak) are checked too. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
}

/**
 * Saves `docs/screenshots/<prefix>-<name>.png` of the viewport (what the person sees first), as a small palette PNG.
 * A picture already there is replaced only with UPDATE_SCREENSHOTS=1: each run signs new link tokens (shown in the
 * mails), so rewriting on every run would change committed files for nothing.
 */
export async function screenshot(page: Page, prefix: 'mobile' | 'desktop', name: string): Promise<void> {
  const file = join(SCREENSHOT_DIR, `${prefix}-${name}.png`);
  if (existsSync(file) && process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(file, shrinkPng(await page.screenshot({ fullPage: false })));
}

// The contract of dist/Code.js: the exact top-level functions Apps Script sees, and no work done at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bundleDir } from '../support/bundle';

const code = readFileSync(join(bundleDir(), 'Code.js'), 'utf8');

/** Every entry point Apps Script can call. A change here is a change to the attack surface: review it. */
const EXPECTED_ENTRY_POINTS = [
  // simple trigger and web app
  'onOpen',
  'doGet',
  'doPost',
  // the live check through the Apps Script API (read-only, no personal data, owner only; google.script.run reaches it
  // too, having no trailing underscore). No decision is reachable by google.script.run: decisions are POSTs to doPost.
  'selfTest',
  // menu items and installable triggers (private: trailing underscore)
  'setup_',
  'handleFormSubmit_',
  'runSlaCheck_',
  'flushOutbox_',
  'verifyAuditLog_',
  'runIntegrityCheck_',
  'openSidebar_',
  'openDisposition_',
  // the certificate lifecycle: expiry notices, Dasbor, monthly SOP report, Surat Permohonan
  'runExpiryCheck_',
  'checkExpiryNow_',
  'refreshDashboard_',
  'runMonthlyReport_',
  'generateReport_',
  'openSuratPermohonan_',
];

const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'FormApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'Utilities',
  'Session',
  'HtmlService',
  'ContentService',
  'DriveApp',
  'Logger',
  'console',
];

/** A service stand-in that records any touch: evaluating the bundle must touch none. */
function tripwire(name: string, touched: string[]): unknown {
  return new Proxy(() => undefined, {
    get: (_target, property) => {
      touched.push(`${name}.${String(property)}`);
      return tripwire(`${name}.${String(property)}`, touched);
    },
    apply: () => {
      touched.push(`${name}()`);
      return undefined;
    },
  });
}

function loadBundle(): { context: vm.Context; touched: string[] } {
  const touched: string[] = [];
  const globals: Record<string, unknown> = {};
  for (const service of APPS_SCRIPT_SERVICES) globals[service] = tripwire(service, touched);
  const context = vm.createContext(globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { context, touched };
}

describe('dist/Code.js', () => {
  it('parses as a plain script with no import or export', () => {
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
  });

  it('declares exactly the expected top-level functions', () => {
    const { context } = loadBundle();
    const functions = vm
      .runInContext('Object.getOwnPropertyNames(globalThis)', context)
      .filter((name: string) => typeof (context as Record<string, unknown>)[name] === 'function')
      .filter((name: string) => !APPS_SCRIPT_SERVICES.includes(name))
      .filter((name: string) =>
        vm.runInContext(`typeof ${name} === 'function' && !/\\[native code\\]/.test(String(${name}))`, context),
      );
    expect(functions.sort()).toEqual([...EXPECTED_ENTRY_POINTS].sort());
  });

  it('declares each entry point as a real function declaration, not an assignment', () => {
    for (const name of EXPECTED_ENTRY_POINTS) {
      expect(code).toMatch(new RegExp(`^function ${name.replace('$', '\\$')}\\(`, 'm'));
    }
  });

  it('does no work at load: no service is touched while the bundle is evaluated', () => {
    const { touched } = loadBundle();
    expect(touched).toEqual([]);
  });

  it('runs without Node or browser globals', () => {
    const { context } = loadBundle();
    for (const name of ['require', 'module', 'process', 'setTimeout', 'fetch', 'URL', 'TextEncoder', 'Buffer']) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('undefined');
    }
  });
});

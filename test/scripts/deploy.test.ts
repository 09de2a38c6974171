// Tests the deploy script with clasp and npm faked: the exact commands, the kept deployment ID, the prod scope prompt and each known error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KNOWN_ERRORS, recogniseError } from '../../scripts/deploy/clasp-errors';
import type { CommandResult, CommandRunner } from '../../scripts/deploy/command-runner';
import { type DeployDeps, type DeployOptions, parseDeployArgs, runDeploy } from '../../scripts/deploy/deploy';

const SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/forms'];
const NOW = new Date('2026-01-05T00:00:00Z');

interface Call {
  command: string;
  args: string[];
  interactive: boolean;
}

let root: string;

function writeManifest(scopes: string[]): void {
  writeFileSync(join(root, 'appsscript.json'), JSON.stringify({ timeZone: 'Asia/Makassar', oauthScopes: scopes }));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'deploy-test-'));
  writeFileSync(join(root, '.clasp.json'), JSON.stringify({ scriptId: 'dev-script-id', rootDir: 'dist' }));
  writeFileSync(join(root, '.clasp.prod.json'), JSON.stringify({ scriptId: 'prod-script-id', rootDir: 'dist' }));
  writeManifest(SCOPES);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A fake runner: answers by the clasp subcommand (or 'npm'), records every call. */
function fakeRunner(answers: Record<string, Partial<CommandResult>> = {}): { run: CommandRunner; calls: Call[] } {
  const calls: Call[] = [];
  const run: CommandRunner = async (command, args, options) => {
    calls.push({ command, args, interactive: options.interactive });
    const key = command === 'clasp' ? (args[2] ?? '') : `npm ${args.join(' ')}`;
    const defaults: Record<string, CommandResult> = {
      'show-authorized-user': { code: 0, output: 'You are logged in as admin@bolmongkab.go.id.\n' },
      push: { code: 0, output: 'Pushed 2 files at 08:00:00.\n' },
      'create-deployment': {
        code: 0,
        output: '{\n  "deploymentId": "AKfy-new-deployment",\n  "versionNumber": 1\n}\n',
      },
      'update-deployment': { code: 0, output: 'Redeployed AKfy-existing @2\n' },
    };
    const answer = answers[key];
    return { code: 0, output: '', ...defaults[key], ...answer };
  };
  return { run, calls };
}

function deps(
  run: CommandRunner,
  overrides: Partial<DeployDeps> = {},
): DeployDeps & { lines: string[]; asked: string[] } {
  const lines: string[] = [];
  const asked: string[] = [];
  return {
    root,
    run,
    interactive: true,
    confirm: async (question) => {
      asked.push(question);
      return true;
    },
    log: (line) => lines.push(line),
    now: () => NOW,
    ...overrides,
    lines,
    asked,
  };
}

function commandLines(calls: Call[]): string[] {
  return calls.map((call) => `${call.command} ${call.args.join(' ')}`);
}

function record(): Record<string, { deploymentId?: string; oauthScopes?: string[] }> {
  return JSON.parse(readFileSync(join(root, '.deploy.json'), 'utf8'));
}

const dev: DeployOptions = { env: 'dev', yes: false };
const prod: DeployOptions = { env: 'prod', yes: false };

describe('deploy: development', () => {
  it('checks, builds, pushes with -f and creates the deployment on the first run, recording its ID', async () => {
    const fake = fakeRunner();
    const url = await runDeploy(dev, deps(fake.run));
    expect(commandLines(fake.calls)).toEqual([
      'clasp -P .clasp.json show-authorized-user',
      'npm run lint',
      'npm run typecheck',
      'npm test',
      'npm run build',
      'clasp -P .clasp.json push -f',
      `clasp -P .clasp.json create-deployment -d dev ${NOW.toISOString()} --json`,
    ]);
    expect(fake.calls.every((call) => !call.interactive)).toBe(true);
    expect(url).toBe('https://script.google.com/macros/s/AKfy-new-deployment/exec');
    expect(record().dev?.deploymentId).toBe('AKfy-new-deployment');
    expect(record().dev?.oauthScopes).toEqual([...SCOPES].sort());
  });

  it('updates the recorded deployment on later runs so the /exec URL keeps its ID', async () => {
    writeFileSync(join(root, '.deploy.json'), JSON.stringify({ dev: { deploymentId: 'AKfy-existing' } }));
    const fake = fakeRunner();
    const url = await runDeploy({ ...dev, description: 'rilis 1.2' }, deps(fake.run));
    const lines = commandLines(fake.calls);
    expect(lines).toContain('clasp -P .clasp.json update-deployment AKfy-existing -d rilis 1.2');
    expect(lines.some((line) => line.includes('create-deployment'))).toBe(false);
    expect(fake.calls.at(-1)?.args).toEqual([
      '-P',
      '.clasp.json',
      'update-deployment',
      'AKfy-existing',
      '-d',
      'rilis 1.2',
    ]);
    expect(url).toBe('https://script.google.com/macros/s/AKfy-existing/exec');
    expect(record().dev?.deploymentId).toBe('AKfy-existing');
  });

  it('does not ask about a scope change in development', async () => {
    writeFileSync(join(root, '.deploy.json'), JSON.stringify({ dev: { oauthScopes: [SCOPES[0]] } }));
    const fake = fakeRunner();
    const d = deps(fake.run);
    await runDeploy(dev, d);
    expect(d.asked).toEqual([]);
    expect(commandLines(fake.calls)).toContain('clasp -P .clasp.json push -f');
  });

  it('stops before pushing when a check fails', async () => {
    const fake = fakeRunner({ 'npm test': { code: 1 } });
    await expect(runDeploy(dev, deps(fake.run))).rejects.toThrow('Pemeriksaan gagal: npm test');
    expect(commandLines(fake.calls).some((line) => line.includes('push'))).toBe(false);
  });
});

describe('deploy: production', () => {
  it('pushes without -f, handing the terminal to clasp, after asking about the first scopes', async () => {
    writeFileSync(join(root, '.deploy.json'), JSON.stringify({ prod: { deploymentId: 'AKfy-prod' } }));
    const fake = fakeRunner();
    const d = deps(fake.run);
    await runDeploy(prod, d);
    const push = fake.calls.find((call) => call.args[2] === 'push');
    expect(push?.args).toEqual(['-P', '.clasp.prod.json', 'push']);
    expect(push?.interactive).toBe(true);
    expect(d.asked).toEqual(['Lanjutkan push ke produksi dengan izin ini? (y/T) ']);
    expect(d.lines).toContain(`  + ${SCOPES[0]}`);
    expect(commandLines(fake.calls)).toContain(
      `clasp -P .clasp.prod.json update-deployment AKfy-prod -d prod ${NOW.toISOString()}`,
    );
    expect(record().prod?.deploymentId).toBe('AKfy-prod');
  });

  it('does not ask when the scopes equal the last pushed manifest', async () => {
    writeFileSync(
      join(root, '.deploy.json'),
      JSON.stringify({ prod: { deploymentId: 'AKfy-prod', oauthScopes: SCOPES } }),
    );
    const fake = fakeRunner();
    const d = deps(fake.run);
    await runDeploy(prod, d);
    expect(d.asked).toEqual([]);
    expect(commandLines(fake.calls)).toContain('clasp -P .clasp.prod.json push');
  });

  it('shows added and removed scopes and pushes nothing when the answer is no', async () => {
    writeFileSync(join(root, '.deploy.json'), JSON.stringify({ prod: { oauthScopes: SCOPES } }));
    writeManifest([SCOPES[0]!, 'https://www.googleapis.com/auth/drive']);
    const fake = fakeRunner();
    const d = deps(fake.run, { confirm: async () => false });
    await expect(runDeploy(prod, d)).rejects.toThrow('Dibatalkan. Tidak ada yang dikirim ke produksi.');
    expect(d.lines).toContain('  + https://www.googleapis.com/auth/drive');
    expect(d.lines).toContain(`  - ${SCOPES[1]}`);
    expect(commandLines(fake.calls).some((line) => line.includes('push'))).toBe(false);
    expect(record().prod?.oauthScopes).toEqual(SCOPES);
  });

  it('refuses a scope change in non-interactive mode without --yes', async () => {
    const fake = fakeRunner();
    const d = deps(fake.run, { interactive: false });
    await expect(runDeploy(prod, d)).rejects.toThrow('tidak interaktif');
    expect(d.asked).toEqual([]);
    expect(commandLines(fake.calls).some((line) => line.includes('push'))).toBe(false);
  });

  it('accepts a scope change in non-interactive mode with --yes, still without -f', async () => {
    const fake = fakeRunner();
    const d = deps(fake.run, { interactive: false });
    await runDeploy({ ...prod, yes: true }, d);
    const push = fake.calls.find((call) => call.args[2] === 'push');
    expect(push).toEqual({ command: 'clasp', args: ['-P', '.clasp.prod.json', 'push'], interactive: false });
    expect(record().prod?.deploymentId).toBe('AKfy-new-deployment');
  });

  it('fails when clasp skipped the push (manifest change not confirmed) and does not redeploy', async () => {
    const fake = fakeRunner({ push: { code: 0, output: 'Skipping push.\n' } });
    const d = deps(fake.run, { interactive: false });
    await expect(runDeploy({ ...prod, yes: true }, d)).rejects.toThrow('Manifest file has been updated');
    expect(commandLines(fake.calls).some((line) => line.includes('deployment'))).toBe(false);
  });
});

describe('deploy: the errors people meet', () => {
  it('not logged in: stops at the account check with the login command', async () => {
    const fake = fakeRunner({ 'show-authorized-user': { code: 0, output: 'Not logged in.\n' } });
    await expect(runDeploy(dev, deps(fake.run))).rejects.toThrow('npx clasp login');
    expect(fake.calls).toHaveLength(1);
  });

  it('not logged in at push time: "No credentials found."', async () => {
    const fake = fakeRunner({ push: { code: 1, output: 'No credentials found.\n' } });
    await expect(runDeploy(dev, deps(fake.run))).rejects.toThrow('clasp belum masuk');
  });

  it('placeholder script ID: nothing runs', async () => {
    writeFileSync(
      join(root, '.clasp.prod.json'),
      JSON.stringify({ scriptId: 'ISI_SCRIPT_ID_PROYEK_PRODUKSI', rootDir: 'dist' }),
    );
    const fake = fakeRunner();
    await expect(runDeploy(prod, deps(fake.run))).rejects.toThrow('Script ID di .clasp.prod.json belum diisi');
    expect(fake.calls).toEqual([]);
  });

  it('wrong script ID: the API says "Requested entity was not found."', async () => {
    const fake = fakeRunner({ push: { code: 1, output: 'Requested entity was not found.\n' } });
    await expect(runDeploy(dev, deps(fake.run))).rejects.toThrow('Script ID di berkas .clasp tidak ditemukan');
  });

  it('Apps Script API disabled: points to the user settings page', async () => {
    const output =
      'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.\n';
    const fake = fakeRunner({ push: { code: 1, output } });
    await expect(runDeploy(dev, deps(fake.run))).rejects.toThrow('https://script.google.com/home/usersettings');
  });

  it('scopes not granted: asks to log in again', async () => {
    const fake = fakeRunner({
      'create-deployment': { code: 1, output: 'Request had insufficient authentication scopes.\n' },
    });
    await expect(runDeploy(dev, deps(fake.run))).rejects.toThrow('npx clasp logout');
  });

  it('a wrong recorded deployment ID names .deploy.json', async () => {
    writeFileSync(join(root, '.deploy.json'), JSON.stringify({ dev: { deploymentId: 'AKfy-gone' } }));
    const fake = fakeRunner({ 'update-deployment': { code: 1, output: 'Requested entity was not found.\n' } });
    await expect(runDeploy(dev, deps(fake.run))).rejects.toThrow('deploymentId "AKfy-gone" di .deploy.json');
  });

  it('every known error is recognised by its own text', () => {
    for (const known of KNOWN_ERRORS) {
      for (const pattern of known.patterns) expect(recogniseError(`x ${pattern} y`)?.code).toBe(known.code);
    }
    expect(recogniseError('Pushed 3 files.')).toBeNull();
  });
});

describe('deploy: arguments', () => {
  it('parses env, --yes and --description', () => {
    expect(parseDeployArgs(['--env', 'prod', '--yes', '-d', 'rilis'])).toEqual({
      env: 'prod',
      yes: true,
      description: 'rilis',
    });
    expect(parseDeployArgs(['--help'])).toBeNull();
    expect(() => parseDeployArgs(['--env', 'staging'])).toThrow('--env harus dev atau prod');
    expect(() => parseDeployArgs(['--env', 'dev', '--force'])).toThrow('Opsi tidak dikenal: --force');
  });
});

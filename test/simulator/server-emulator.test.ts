// The simulator over the real emulator and the built bundle: first-start seeding, the clock, runs, and a kill/restart on the same SQLite file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSetupFunction } from '../../scripts/simulator/host';
import { type Simulator, startSimulator } from '../../scripts/simulator/server';
import { bundleDir } from '../support/bundle';

const dataFile = join(mkdtempSync(join(tmpdir(), 'sim-real-')), 'simulator.sqlite');
let sim: Simulator;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON checked by the assertions themselves
async function api(path: string, init: RequestInit = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(sim.url + path, init);
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

function postJson(path: string, body: unknown) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, dataFile, reset: true, codeDir: bundleDir() });
});

afterAll(async () => {
  await sim?.close();
});

describe('simulator over the real emulator', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs the program setup as the owner on the first start, when the program has one', () => {
    const setup = findSetupFunction(bundleDir());
    if (setup === null) expect(sim.seeded).toBeNull();
    else expect(sim.seeded).toMatchObject({ functionName: setup, user: 'admin@bolmongkab.go.id', status: 'COMPLETED' });
  });

  it('moves the clock through POST /api/clock', async () => {
    const before = new Date((await api('/api/clock')).json.now).getTime();
    const moved = await postJson('/api/clock', { advanceMinutes: 30 });
    expect(moved.status).toBe(200);
    expect(new Date(moved.json.now).getTime()).toBe(before + 30 * 60_000);
    expect(Array.isArray(moved.json.executions)).toBe(true);
    expect((await postJson('/api/clock', { advanceMinutes: 'x' })).status).toBe(400);
  });

  it('runs a function as a user and records it in /api/executions', async () => {
    const before = (await api('/api/executions')).json.length;
    const run = await postJson('/api/run', { function: 'ping_', user: 'admin@bolmongkab.go.id' });
    if (run.status === 404) return; // the program dropped its ping_ probe
    expect(run.json).toMatchObject({ function: 'ping_', status: 'COMPLETED', value: 'ok' });
    const runs = (await api('/api/executions')).json;
    expect(runs.length).toBe(before + 1);
    expect(runs.at(-1)).toMatchObject({ function: 'ping_', kind: 'EDITOR', user: 'admin@bolmongkab.go.id' });
    expect((await postJson('/api/run', { function: 'tidakAda' })).status).toBe(404);
  });

  it('loses nothing when the server is stopped and started again on the same SQLite file', async () => {
    const now = (await api('/api/clock')).json.now;
    const executions = (await api('/api/executions')).json;
    const outbox = (await api('/api/outbox')).json;
    await sim.close();
    sim = await startSimulator({ port: 0, dataFile, codeDir: bundleDir() });
    expect(sim.seeded).toBeNull();
    expect((await api('/api/clock')).json.now).toBe(now);
    expect((await api('/api/executions')).json).toEqual(executions);
    expect((await api('/api/outbox')).json).toEqual(outbox);
  });

  it('starts clean with reset', async () => {
    await sim.close();
    sim = await startSimulator({ port: 0, dataFile, reset: true, codeDir: bundleDir() });
    const runs = (await api('/api/executions')).json;
    expect(runs.length).toBe(sim.seeded ? 1 : 0);
  });
});

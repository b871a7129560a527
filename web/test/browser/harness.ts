// The browser tests' world, all real: a small synthetic scenario written by
// `reunite synth`, imported with `reunite import` into a fresh SQLite file,
// demo users made with `reunite user add`, the real `reunite serve` on port 0
// serving web/dist (it prints the URL it bound), and Debian's Chromium driven
// by playwright-core. Nothing is stubbed: when a route the UI needs is not
// served yet, the test that needs it is skipped and says which route.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = resolve(here, '../..');
export const REPO = resolve(WEB_DIR, '..');

/** The reunite binary: $REUNITE_BINARY (ctest sets it), else the test build, else the release build. */
export function reuniteBinary(): string {
  const candidates = [process.env.REUNITE_BINARY, join(REPO, 'build/asan/apps/reunite'), join(REPO, 'build/release/apps/reunite')];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(`no reunite binary: set REUNITE_BINARY or build it (scripts/build.sh asan); looked at ${candidates.filter(Boolean).join(', ')}`);
}

/** Where screenshots go: $REUNITE_WEB_SCREENSHOTS (ctest: build/<profile>/web-screenshots), else build/web-screenshots. */
export const SCREENSHOT_DIR = process.env.REUNITE_WEB_SCREENSHOTS ?? join(REPO, 'build/web-screenshots');

export const PASSWORD = 'synthetic-demo-password-1';
export const ROLES = ['admin', 'caseworker', 'reviewer', 'monitor', 'counsel', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

function run(bin: string, args: string[], input?: string): string {
  const r = spawnSync(bin, args, { input, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env } });
  if (r.status !== 0) {
    throw new Error(`reunite ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** True when the binary has the subcommand (e.g. `resolve` before its branch lands). */
function hasCommand(bin: string, name: string): boolean {
  const r = spawnSync(bin, ['--help'], { encoding: 'utf8' });
  return new RegExp(`^\\s+${name}\\s`, 'm').test(r.stdout);
}

export interface World {
  dir: string;
  db: string;
  scenario: string;
  url: string;
  bin: string;
  server: ChildProcess;
  browser: Browser;
  serverLog: () => string;
  stop: () => Promise<void>;
}

export interface WorldOptions {
  families?: number;
  seed?: number;
  /** `reunite resolve --review-threshold`: lower puts more uncertain pairs in the review queue. */
  reviewThreshold?: number;
}

const IMPORTS: Array<[string, string]> = [
  ['e3', 'e3_apprehensions.csv'],
  ['ice', 'ice_detention.csv'],
  ['orr', 'orr_shelter.csv'],
  ['usao', 'prosecution_cases.csv'],
  ['ngo', 'ngo_outreach.jsonl'],
  ['dlog', 'decision_log.csv'],
];

/**
 * Why the browser tests cannot run with this binary (it has no `serve` or
 * `user` command: the server branch is not in it), or null when they can.
 */
export function missingServer(): string | null {
  const bin = reuniteBinary();
  const missing = ['serve', 'user'].filter((c) => !hasCommand(bin, c));
  return missing.length ? `PENDING on \`reunite ${missing.join('` and `reunite ')}\` (server branch): ${bin} does not have them` : null;
}

export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const bin = reuniteBinary();
  const dist = join(WEB_DIR, 'dist', 'index.html');
  if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` in web/ first`);
  const dir = mkdtempSync(join(tmpdir(), 'reunite-web-'));
  const scenario = join(dir, 'scenario');
  const db = join(dir, 'reunite.db');
  run(bin, ['synth', '--families', String(opts.families ?? 40), '--seed', String(opts.seed ?? 7), '--out', scenario, '--threads', '1']);
  for (const [source, file] of IMPORTS) {
    const path = join(scenario, 'exports', file);
    if (!existsSync(path) || !existsSync(join(REPO, 'mappings', `${source}.toml`))) continue;
    run(bin, ['import', '--db', db, '--source', source, '--mappings', join(REPO, 'mappings'), path]);
  }
  // Persons, families and relationships (the resolve branch); absent before it lands.
  if (hasCommand(bin, 'resolve')) {
    const review = opts.reviewThreshold === undefined ? [] : ['--review-threshold', String(opts.reviewThreshold)];
    run(bin, ['resolve', '--db', db, '--model', join(REPO, 'models', 'person.json'), ...review]);
  }
  for (const role of ROLES) {
    // --fast-hash: libsodium's minimum Argon2id cost, so six accounts take milliseconds (tests and demos only).
    run(bin, ['user', 'add', role, '--db', db, '--role', role, '--name', `Demo ${role}`, '--fast-hash'], `${PASSWORD}\n`);
  }

  const server = spawn(
    bin,
    ['serve', '--db', db, '--listen', '127.0.0.1:0', '--static', join(WEB_DIR, 'dist'), '--mappings', join(REPO, 'mappings'), '--model', join(REPO, 'models', 'person.json'), '--orders', join(REPO, 'orders'), '--threads', '8'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  let log = '';
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`reunite serve printed no URL in 60 s:\n${log}`)), 60_000);
    const check = (): void => {
      const m = /listening on (https?:\/\/[^\s]+:\d+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    server.stdout?.on('data', check);
    server.stderr?.on('data', check);
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`reunite serve exited ${code} before listening:\n${log}`));
    });
  });

  const browser = await chromium.launch({
    executablePath: process.env.REUNITE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Playwright gives every launch a new empty --user-data-dir of its own.
    // This machine's network is closed: turn off every background connection.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    dir,
    db,
    scenario,
    url,
    bin,
    server,
    browser,
    serverLog: () => log,
    async stop() {
      await browser.close().catch(() => undefined);
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser context of its own (cookies, storage) at a laptop's screen size. */
export async function newUser(world: World, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ viewport: { width: 1366, height: 768 }, locale, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw new Error(`uncaught error in the page: ${e.message}`);
  });
  return { context, page };
}

export async function login(world: World, page: Page, role: Role): Promise<void> {
  await page.goto(`${world.url}/#/login`);
  await page.getByLabel(/Username|Usuario/).fill(role);
  await page.getByLabel(/Password|Contraseña/).fill(PASSWORD);
  await page.getByRole('button', { name: /Sign in|Entrar/ }).click();
  await page.getByTestId('whoami').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Whether the server serves `method path` (an OpenAPI template): the route is
 * in the OpenAPI document the server publishes and the server does not answer
 * it as unrouted. Tests of pages whose route is not served yet are skipped
 * with a message naming the route; they are never run against stub data.
 */
export async function serves(world: World, method: string, template: string): Promise<boolean> {
  const doc = (await (await fetch(`${world.url}/api/v1/openapi.json`)).json()) as { paths?: Record<string, Record<string, unknown>> };
  // The document's paths carry the full prefix (/api/v1/persons); callers name them without it.
  const full = template.startsWith('/api/v1') ? template : `/api/v1${template}`;
  const op = doc.paths?.[full]?.[method.toLowerCase()] as Record<string, unknown> | undefined;
  if (!op) return false;
  return op['x-reunite-planned'] === undefined;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Rows of a CSV file (simple RFC 4180: quoted fields may hold commas, quotes, newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Signs in through the API (not the browser) and returns the bearer token. */
export async function apiToken(world: World, role: Role): Promise<string> {
  const r = await fetch(`${world.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: role, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`login as ${role}: HTTP ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

/**
 * The files of a zip archive (an XLSX is one) by name, inflated: reads the
 * central directory, then each local entry (stored or deflated).
 */
export function unzip(bytes: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip: bad central directory entry ${i}`);
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLen = bytes.readUInt16LE(at + 28);
    const extraLen = bytes.readUInt16LE(at + 30);
    const commentLen = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

// Sign-in, roles and redaction, the audit log, tracing requests, language and
// keyboard use — against the real server on a real SQLite file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingServer, login, newUser, parseCsv, PASSWORD, screenshot, startWorld, type World } from './harness';

let world: World;
let child: { key: string; given: string; family: string; dob: string; shelter: string; city: string };

const pendingServer = missingServer();
if (pendingServer) console.warn(pendingServer);

beforeAll(async () => {
  if (pendingServer) return;
  world = await startWorld({ families: 40, seed: 7 });
  // A child's shelter record straight from the ORR export (the ground truth of what is stored).
  const rows = parseCsv(readFileSync(join(world.scenario, 'exports', 'orr_shelter.csv'), 'utf8'));
  const head = rows[0]!;
  const col = (n: string) => head.indexOf(n);
  const row = rows.slice(1).find((r) => r[col('shelter_name')] && r[col('shelter_city')]);
  if (!row) throw new Error('the scenario has no shelter record');
  const key = row[col('uac_id')]!;
  child = {
    key,
    given: row[col('child_first_name')]!,
    family: row[col('child_last_name')]!,
    dob: row[col('dob')]!.replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, '$3-$1-$2'), // MM/DD/YYYY in the export
    shelter: row[col('shelter_name')]!,
    city: row[col('shelter_city')]!,
  };
});

afterAll(async () => {
  await world?.stop();
});

describe.skipIf(pendingServer !== null)('sign-in', () => {
  it('refuses a wrong password with a message, then signs in and shows the role', async () => {
    const { context, page } = await newUser(world);
    await page.goto(`${world.url}/`);
    // Not signed in: sent to the login page.
    await page.waitForURL(/#\/login/);
    await screenshot(page, 'login');
    await page.getByLabel('Username').fill('caseworker');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/session|username or password|wrong/i);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('whoami').textContent()).resolves.toContain('Caseworker');
    // The session is the server's HttpOnly cookie, which the page's scripts cannot read.
    const cookies = await context.cookies();
    const sessionCookie = cookies.find((c) => c.name === 'reunite_session');
    expect(sessionCookie?.httpOnly).toBe(true);
    await expect(page.evaluate(() => document.cookie)).resolves.not.toContain('reunite_session');
    // A reload (or a new tab) resumes it from the server.
    await page.reload();
    await expect(page.getByTestId('whoami').textContent()).resolves.toContain('Caseworker');
    const tab = await context.newPage();
    await tab.goto(`${world.url}/#/trace`);
    await expect(tab.getByTestId('whoami').textContent()).resolves.toContain('Caseworker');
    await tab.close();
    // Sign-out ends it at the server: the old cookie is refused.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/#\/login/);
    const me = await fetch(`${world.url}/api/v1/auth/me`, { headers: { Cookie: `reunite_session=${sessionCookie!.value}` } });
    expect(me.status).toBe(401);
    await context.close();
  });
});

describe.skipIf(pendingServer !== null)('roles and redaction', () => {
  it('a monitor is refused a child’s shelter and address; a caseworker sees them', async () => {
    const monitor = await newUser(world);
    await login(world, monitor.page, 'monitor');
    await monitor.page.goto(`${world.url}/#/records/orr/${child.key}`);
    await monitor.page.getByRole('heading', { name: new RegExp(child.key) }).waitFor();
    const text = (await monitor.page.locator('main').textContent()) ?? '';
    // The record is there (name, dates) but not where the child is.
    expect(text).toContain(child.family);
    expect(text).not.toContain(child.shelter);
    expect(text).not.toContain(child.city);
    const shelterRow = monitor.page.locator('tr', { has: monitor.page.locator('[data-field="shelter"]') });
    await expect(shelterRow.locator('[data-redacted]').count()).resolves.toBe(1);
    await expect(monitor.page.locator('[data-redacted]').count()).resolves.toBeGreaterThanOrEqual(3); // shelter, city, state (+ raw)
    await screenshot(monitor.page, 'record-monitor-redacted');

    // Forbidden pages are neither offered nor shown.
    const nav = (await monitor.page.getByRole('navigation', { name: 'Main' }).textContent()) ?? '';
    expect(nav).not.toContain('Tracing requests');
    expect(nav).not.toContain('Audit log');
    await monitor.page.goto(`${world.url}/#/tracing`);
    await expect(monitor.page.getByRole('alert').textContent()).resolves.toContain('not available to your role');
    // And the server refuses the route itself, whatever the UI shows.
    await expect(monitor.page.evaluate(async () => (await fetch('/api/v1/tracing-requests')).status)).resolves.toBe(403);
    await monitor.context.close();

    const cw = await newUser(world);
    await login(world, cw.page, 'caseworker');
    await cw.page.goto(`${world.url}/#/records/orr/${child.key}`);
    await cw.page.getByRole('heading', { name: new RegExp(child.key) }).waitFor();
    const cwText = (await cw.page.locator('main').textContent()) ?? '';
    expect(cwText).toContain(child.shelter);
    expect(cwText).toContain(child.city);
    await expect(cw.page.locator('[data-redacted]').count()).resolves.toBe(0);
    await screenshot(cw.page, 'record-caseworker');
    await cw.context.close();
  });

  it('the auditor reads the audit log, which shows the monitor’s read of that record', async () => {
    const { context, page } = await newUser(world);
    await login(world, page, 'auditor');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByLabel('Who').fill('monitor');
    await page.getByLabel('Action').fill('records.read');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/actor=monitor/);
    const rows = page.locator('main table tbody tr');
    await rows.first().waitFor();
    const all = (await page.locator('main table').textContent()) ?? '';
    expect(all).toContain('records.read');
    expect(all).toContain(child.key);
    // Refusals are in the log too (the monitor's forbidden call to the tracing queue).
    await page.getByLabel('Action').fill('tracing.list');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/action=tracing\.list/);
    await expect(page.locator('main table').textContent()).resolves.toContain('permission_denied');
    await screenshot(page, 'audit-log');
    await context.close();
  });
});

describe.skipIf(pendingServer !== null)('tracing requests', () => {
  it('a relative submits the public form in Spanish and gets only a reference; a caseworker works it', async () => {
    const pub = await newUser(world, 'es-MX');
    await pub.page.goto(`${world.url}/#/trace`);
    // The browser asks for Spanish: the page is in Spanish.
    await pub.page.getByRole('heading', { name: 'Busca a un familiar' }).waitFor();
    await expect(pub.page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    // Submitting an empty form names what is missing, in Spanish, without a request.
    await pub.page.getByRole('button', { name: 'Enviar' }).click();
    await expect(pub.page.getByRole('alert').textContent()).resolves.toContain('su nombre');
    await pub.page.getByLabel('Su nombre').fill('Rosa Tum');
    await pub.page.getByLabel('Su parentesco con esa persona').selectOption('mother');
    await pub.page.getByLabel('Teléfono').fill('+502 0000 0000');
    // The child's name as a mother might spell it: one letter off.
    const misspelled = child.given.length > 3 ? child.given.slice(0, -2) + child.given.slice(-1) + child.given.slice(-2, -1) : child.given;
    await pub.page.getByLabel(/^Nombre\(s\)/).fill(misspelled);
    await pub.page.getByLabel(/^Apellido\(s\)/).fill(child.family);
    await pub.page.getByLabel('Fecha de nacimiento').fill(child.dob);
    await pub.page.getByLabel(/Acepto/).check();
    await screenshot(pub.page, 'trace-intake-es');
    await pub.page.getByRole('button', { name: 'Enviar' }).click();
    const ref = (await pub.page.getByTestId('reference').textContent())?.trim() ?? '';
    expect(ref).toMatch(/^TR-/);
    const done = (await pub.page.getByTestId('trace-done').textContent()) ?? '';
    // Never a record: not the shelter, not a record key.
    expect(done).not.toContain(child.shelter);
    expect(done).not.toContain(child.key);
    await screenshot(pub.page, 'trace-submitted-es');
    await pub.context.close();

    const cw = await newUser(world);
    await login(world, cw.page, 'caseworker');
    await cw.page.getByRole('link', { name: 'Tracing requests' }).click();
    await cw.page.getByRole('link', { name: ref }).click();
    await cw.page.getByRole('heading', { name: new RegExp(ref) }).waitFor();
    await screenshot(cw.page, 'tracing-queue-item');
    // The matcher found the child's shelter record among the candidates.
    await expect(cw.page.locator(`details.candidate[data-ref="orr/${child.key}"]`).count()).resolves.toBe(1);
    await cw.page.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => cw.page.getByTestId('tracing-status').textContent(), { timeout: 10_000 }).toBe('Assigned');
    // Assigned to the signed-in caseworker.
    await expect(cw.page.locator('main').textContent()).resolves.toMatch(/Assigned to\s*caseworker/);
    await cw.page.getByLabel('Resolution').selectOption('found');
    await cw.page.getByLabel('Note').fill('Matched to the shelter record');
    await cw.page.getByRole('button', { name: 'Close the request' }).click();
    await cw.page.waitForFunction(() => document.querySelector('[data-testid=tracing-status]')?.textContent === 'Closed');
    await cw.page.goto(`${world.url}/#/tracing`);
    await cw.page.getByRole('link', { name: ref }).waitFor();
    await screenshot(cw.page, 'tracing-queue');
    await cw.context.close();
  });
});

describe.skipIf(pendingServer !== null)('language and keyboard', () => {
  it('the first Tab reaches the skip link, which moves focus to the page; the language switch translates the page', async () => {
    const { context, page } = await newUser(world);
    await page.goto(`${world.url}/#/trace`);
    await page.getByRole('heading', { name: 'Looking for a family member' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    // Focus is visible: the focused link has an outline.
    await expect(page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).resolves.not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // Tab onwards reaches the first form field, which has a label.
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.labels?.[0]?.textContent ?? null;
    });
    expect(label).toContain('Your name');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Busca a un familiar' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    // The choice is remembered.
    await page.reload();
    await page.getByRole('heading', { name: 'Busca a un familiar' }).waitFor();
    await context.close();
  });
});

/** Presses Tab until `matches` holds for the focused element (at most `max` presses); fails naming what it looked for. */
async function tabTo(page: import('playwright-core').Page, what: string, matches: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // `matches` is an expression over `el`, the focused element (evaluated by the driver, not the page's scripts).
    const ok = await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${matches}); })()`);
    if (ok) return;
  }
  throw new Error(`${max} presses of Tab never reached ${what}`);
}

describe.skipIf(pendingServer !== null)('keyboard only', () => {
  it('a caseworker signs in, searches a record key and opens the family without the mouse; the signed-in pages switch to Spanish', async () => {
    const { context, page } = await newUser(world);
    await page.goto(`${world.url}/#/login`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await tabTo(page, 'the username field', "el.getAttribute('name') === 'username' || el.id === 'username'");
    await page.keyboard.type('caseworker');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).type)).resolves.toBe('password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('whoami').waitFor();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await tabTo(page, 'the Search link', "el.tagName === 'A' && el.textContent.trim() === 'Search'");
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    // The search box has focus on arrival.
    await page.waitForFunction(() => document.activeElement?.id === 'search-q');
    await page.keyboard.type(child.key);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /found/ }).waitFor();
    await tabTo(page, 'the first result', "el.tagName === 'A' && !!el.closest('main table tbody')");
    await page.keyboard.press('Enter');
    await page.locator('[data-family]').waitFor();
    // The child's shelter record is on the family page that opened.
    await expect(page.locator(`a[href$="/records/orr/${child.key}"]`).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'family-by-keyboard');

    // The same page in Spanish: the header and the page's heading are translated.
    await page.getByTestId('language').selectOption('es');
    await page.getByRole('heading', { name: /^Familia / }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Principal' }).textContent()).resolves.toContain('Buscar');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    await screenshot(page, 'family-es');
    await context.close();
  });
});

describe.skipIf(pendingServer !== null)('accounts', () => {
  it('an admin sees the accounts made by `reunite user add`', async () => {
    const { context, page } = await newUser(world);
    await login(world, page, 'admin');
    await page.getByRole('link', { name: 'Accounts' }).click();
    const rows = page.locator('main table tbody tr');
    await rows.first().waitFor();
    const text = (await page.locator('main table').textContent()) ?? '';
    for (const role of ['caseworker', 'reviewer', 'monitor', 'counsel', 'auditor']) expect(text).toContain(role);
    await screenshot(page, 'users');
    await context.close();
  });
});

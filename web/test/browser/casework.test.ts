// The caseworker's day, end to end: find a separated child by a misspelled
// name, open the family, record a contact and a reunification, see the
// child's status and the dashboard change; a reviewer decides a pair; a
// monitor downloads the compliance report and follows provenance; the
// monitor is refused the child's location on the family page.
//
// Each flow needs routes of the resolve and reports branches. A flow whose
// route the server does not serve yet is skipped with a message naming the
// route (never run against stub data).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { apiToken, missingServer, login, newUser, parseCsv, screenshot, serves, startWorld, unzip, type World } from './harness';

let world: World;
let target: { personId: string; orrKey: string; given: string; family: string; shelter: string; misspelled: string };
/** How many overdue children the API's dashboard lists for a caseworker. */
let overdueExpected = 0;

/** Skips the test unless every route is served; the message names the missing ones. */
async function needs(ctx: TestContext, routes: Array<[string, string, string]>): Promise<void> {
  const missing: string[] = [];
  for (const [method, template, branch] of routes) {
    if (!(await serves(world, method, template))) missing.push(`${method} /api/v1${template} (${branch})`);
  }
  if (missing.length) {
    const note = `PENDING on route ${missing.join(', ')}: not served by this reunite yet`;
    console.warn(note);
    ctx.skip(note);
  }
}

/** One letter pair swapped, as a clerk mistypes: "Yesenia" → "Yeseina". */
function misspell(name: string): string {
  if (name.length < 4) return `${name}h`;
  const i = name.length - 3;
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

const pendingServer = missingServer();
if (pendingServer) console.warn(pendingServer);

beforeAll(async () => {
  if (pendingServer) return;
  // A low review threshold leaves uncertain pairs in the review queue (three with this seed).
  world = await startWorld({ families: 40, seed: 7, reviewThreshold: 0.00001 });
  // A separated child the store knows as separated and not reunified: the
  // first of the dashboard's overdue children (else of the separated
  // families' children) with a shelter record (asked
  // through the API, as a caseworker), named as the ORR export spells it.
  const token = await apiToken(world, 'caseworker');
  const get = async <T,>(route: string): Promise<T> => {
    const r = await fetch(`${world.url}/api/v1${route}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!r.ok) throw new Error(`GET ${route}: HTTP ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  const dashboard = await get<{ overdue: Array<{ child_id: string; status: string }> }>('/dashboard');
  overdueExpected = dashboard.overdue.length;
  const open = (status: string) => status !== 'reunified' && !status.startsWith('discharged');
  const candidates = dashboard.overdue.filter((o) => open(o.status)).map((o) => o.child_id);
  // Then the still-separated children of families with a separation, in the
  // families list's order (overdue first, then the next due date).
  const families = await get<{ families: Array<{ family_unit: string; separated_children: number; reunified_children: number }> }>(
    '/families?separated=true&limit=500',
  );
  for (const f of families.families) {
    if (f.separated_children <= f.reunified_children) continue;
    const family = await get<{ children: Array<{ child: string; status: string }> }>(`/families/${encodeURIComponent(f.family_unit)}`);
    for (const c of family.children) if (open(c.status) && !candidates.includes(c.child)) candidates.push(c.child);
  }
  let pick: { id: string; orrKey: string } | undefined;
  for (const childId of candidates) {
    const p = await get<{ records: Array<{ source: string; record_key: string }> }>(`/persons/${encodeURIComponent(childId)}`);
    const orrRecord = p.records.find((r) => r.source === 'orr');
    if (orrRecord) {
      pick = { id: childId, orrKey: orrRecord.record_key };
      break;
    }
  }
  if (!pick) throw new Error('the scenario has no separated, not reunified child with a shelter record');
  const orrKey = pick.orrKey;
  const orr = parseCsv(readFileSync(join(world.scenario, 'exports', 'orr_shelter.csv'), 'utf8'));
  const oh = orr[0]!;
  const row = orr.find((r) => r[oh.indexOf('uac_id')] === orrKey)!;
  const given = row[oh.indexOf('child_first_name')]!;
  target = {
    personId: pick.id,
    orrKey,
    given,
    family: row[oh.indexOf('child_last_name')]!,
    shelter: row[oh.indexOf('shelter_name')]!,
    misspelled: misspell(given.split(' ')[0]!),
  };
});

afterAll(async () => {
  await world?.stop();
});

/** The action form's select labelled `name` (a required field's label ends in " *"). */
function choose(page: import('playwright-core').Page, name: string) {
  return page.getByRole('combobox', { name: new RegExp(`^${name}( \\*)?$`) });
}

async function reunifiedCount(page: import('playwright-core').Page): Promise<number> {
  await page.getByTestId('status-counts').waitFor();
  const tile = page.locator('[data-testid=status-counts] [data-status=reunified] .tile-n');
  if ((await tile.count()) === 0) return 0;
  return Number(((await tile.textContent()) ?? '0').replace(/\D/g, ''));
}

describe.skipIf(pendingServer !== null)('casework', () => {
  it('finds a separated child by a misspelled name, records a contact and a reunification, and the status and dashboard change', async (ctx) => {
    await needs(ctx, [
      ['GET', '/dashboard', 'resolve'],
      ['GET', '/persons', 'resolve'],
      ['GET', '/families/{id}', 'resolve'],
      ['POST', '/families/{id}/children/{child_id}/actions', 'resolve'],
    ]);
    const { context, page } = await newUser(world);
    await login(world, page, 'caseworker');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const before = await reunifiedCount(page);
    // Overdue deadlines first, most days overdue first, each child with a status.
    const overdueRows = page.locator('[data-testid=overdue] tbody tr');
    const overdueCount = await overdueRows.count();
    // The page lists what the API lists (this seed may have none overdue today).
    expect(overdueCount).toBe(overdueExpected);
    const days: number[] = [];
    for (let i = 0; i < overdueCount; i++) {
      const row = overdueRows.nth(i);
      days.push(Number(((await row.locator('td.num').textContent()) ?? '').replace(/\D/g, '')));
      expect(await row.locator('[data-status]').getAttribute('data-status')).toMatch(/^[a-z_]+$/);
      expect(((await row.locator('a[data-child]').textContent()) ?? '').trim()).not.toBe('');
    }
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await screenshot(page, 'dashboard');

    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Name or any ID').fill(`${target.misspelled} ${target.family}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /found/ }).waitFor();
    await screenshot(page, 'search');
    // Open each result's family until the one holding the child's shelter record.
    const links = page.locator('main table tbody a');
    const n = await links.count();
    expect(n).toBeGreaterThan(0);
    let found = false;
    for (let i = 0; i < Math.min(n, 5) && !found; i++) {
      await page.goto(`${world.url}/${(await links.nth(i).getAttribute('href'))!}`);
      await page.locator('[data-family]').waitFor();
      found = (await page.locator(`a[href$="/records/orr/${target.orrKey}"]`).count()) > 0;
      if (!found) await page.goBack();
    }
    expect(found, `no result of "${target.misspelled} ${target.family}" is the family of orr/${target.orrKey}`).toBe(true);
    await screenshot(page, 'family');

    const childId = (await page
      .locator('article.member.child', { has: page.locator(`a[href$="/records/orr/${target.orrKey}"]`) })
      .getAttribute('data-person'))!;
    const badge = page.locator(`[data-child="${childId}"] [data-status]`);
    expect(await badge.getAttribute('data-status')).not.toBe('reunified');

    // A contact: a phone call that reached the parent.
    await choose(page, 'Action').selectOption('contact_attempt');
    await choose(page, 'Child').selectOption(childId);
    await choose(page, 'Channel').selectOption('phone');
    await choose(page, 'Outcome').selectOption('reached');
    await page.getByRole('button', { name: 'Record' }).click();
    // The event shows in the child's timeline, or the form says why it was refused.
    await page.waitForFunction(() => document.querySelector('[data-type=phone_contact], [data-type=contact_attempt]') !== null || (document.querySelector('.form-errors')?.textContent ?? '') !== '');
    expect(await page.locator('.form-errors').textContent()).toBe('');

    // The reunification.
    await choose(page, 'Action').selectOption('reunification');
    await choose(page, 'Child').selectOption(childId);
    await choose(page, 'Where').selectOption('in_country');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.waitForFunction((id) => document.querySelector(`[data-child="${id}"] [data-status]`)?.getAttribute('data-status') === 'reunified', childId);
    await screenshot(page, 'family-reunified');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await reunifiedCount(page)).toBe(before + 1);
    await context.close();
  });

  it('a monitor sees the family but not where the child is', async (ctx) => {
    await needs(ctx, [
      ['GET', '/persons', 'resolve'],
      ['GET', '/families/{id}', 'resolve'],
    ]);
    const { context, page } = await newUser(world);
    await login(world, page, 'monitor');
    await page.goto(`${world.url}/#/search?q=${encodeURIComponent(target.orrKey)}`);
    await page.locator('main table tbody a').first().click();
    await page.locator('[data-family]').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(target.shelter);
    expect(await page.locator('[data-redacted]').count()).toBeGreaterThan(0);
    // No action form for a read-only role.
    expect(await page.getByRole('button', { name: 'Record' }).count()).toBe(0);
    await screenshot(page, 'family-monitor-redacted');
    await context.close();
  });

  it('a reviewer accepts a pair from the review queue', async (ctx) => {
    await needs(ctx, [
      ['GET', '/review-queue', 'resolve'],
      ['POST', '/review-queue/{id}/decision', 'resolve'],
    ]);
    const { context, page } = await newUser(world);
    await login(world, page, 'reviewer');
    await page.getByRole('link', { name: 'Review queue' }).click();
    const rows = page.locator('main table tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    // Pairs of two person records (a decision-log row has no birth date, so
    // blocking keeps it from the scorer and its waterfall is the prior alone).
    const items = rows.filter({ hasNotText: 'dlog/' });
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'review-queue');
    await items.first().locator('a').click();
    await page.getByTestId('pair').waitFor();
    await page.getByTestId('waterfall').waitFor();
    await screenshot(page, 'review-pair');
    // The waterfall: the prior, one step per comparison, the total.
    expect(await page.locator('[data-testid=waterfall] tbody tr.prior').count()).toBe(1);
    expect(await page.locator('[data-testid=waterfall] tbody tr.comparison').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=waterfall] tbody tr.total').count()).toBe(1);
    await page.getByRole('button', { name: /Accept/ }).click();
    await page.waitForURL(/#\/review$/);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await expect.poll(() => rows.count()).toBe(count - 1);
    // And the next pair is rejected, with a note.
    await items.first().locator('a').click();
    await page.getByTestId('pair').waitFor();
    const note = page.getByLabel(/Note/);
    if (await note.count()) await note.fill('different people: dates of birth years apart');
    await page.getByRole('button', { name: /Reject/ }).click();
    await page.waitForURL(/#\/review$/);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await expect.poll(() => rows.count()).toBe(count - 2);
    await context.close();
  });

  it('a monitor downloads the compliance report as CSV and XLSX', async (ctx) => {
    await needs(ctx, [['GET', '/reports/compliance', 'reports']]);
    const { context, page } = await newUser(world);
    await login(world, page, 'monitor');
    await page.getByRole('link', { name: 'Compliance' }).click();
    await page.locator('[data-table]').first().waitFor();
    await screenshot(page, 'compliance');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download=csv]').click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const rows = parseCsv(csvText);
    expect(rows[0]).toEqual(['group', 'status', 'age_0_4', 'age_5_17', 'other', 'total']);
    // The file's figures are the page's: the summary table's rows, cell for cell (numbers as digits).
    const shown = await page.locator('[data-table=summary] tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td,th')).map((c) => (c.textContent ?? '').trim())));
    expect(shown.length).toBe(rows.length - 1);
    for (let i = 0; i < shown.length; i++) expect(shown[i]!.slice(2).map((x) => x.replace(/\D/g, ''))).toEqual(rows[i + 1]!.slice(2));
    // Every separated child counted once: the "all separated" total is the children table's length.
    const all = rows.find((r) => r[0] === 'all separated' && r[1] === 'total');
    expect(Number(all?.[5])).toBe(await page.locator('[data-table=children] tbody tr').count());
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download=xlsx]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const files = unzip(readFileSync((await xlsx.path())!));
    // One sheet per table on the page, and the order's id in the cells.
    const sheets = [...(files.get('xl/workbook.xml') ?? '').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    const tables = await page.locator('[data-table]').evaluateAll((els) => els.map((e) => e.getAttribute('data-table')));
    for (const id of tables) expect(sheets).toContain(id);
    const strings = files.get('xl/sharedStrings.xml') ?? '';
    expect(strings).toContain('ORDER-2018-06-26');
    expect(strings).toContain('reunified');
    await context.close();
  });

  it('a monitor follows provenance from a directive to its decisions and a child’s family', async (ctx) => {
    await needs(ctx, [
      ['GET', '/directives', 'reports'],
      ['GET', '/directives/{id}', 'reports'],
    ]);
    const { context, page } = await newUser(world);
    await login(world, page, 'monitor');
    await page.getByRole('link', { name: 'Provenance' }).click();
    await page.locator('[data-table=directives]').waitFor();
    await page.locator('[data-table=directives] tbody a').first().click();
    await page.locator('[data-table=decisions]').waitFor();
    await screenshot(page, 'provenance-directive');
    // From a decision to a child it affected: the child's family and custody timeline.
    await page.locator('[data-table=decisions] a[data-child]').first().click();
    await page.locator('[data-family]').waitFor();
    await screenshot(page, 'provenance-child-family');
    await context.close();
  });
});

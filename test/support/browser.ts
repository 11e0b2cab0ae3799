import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { TestAccount, TestApp } from './test-app';
import { hashPassword } from '@app/platform/identity/password';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env.SCREENSHOTS === '1';
const SHOTS_DIR = join(process.cwd(), 'docs', 'screenshots');

/** Debian's chromium, headless, driven by playwright-core (no bundled browser download). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium is not installed at ${CHROMIUM}: run  apt-get install -y chromium fonts-noto-cjk  (npm test does it when run as root)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** Gives a test account a real password so that it logs in through the login page like a person. */
export async function withPassword(t: TestApp, accountId: string, displayName: string, password = 'Web@2026!sun'): Promise<string> {
  await t.ds.query(`UPDATE account SET password_hash = $2, display_name = $3 WHERE id = $1`, [accountId, await hashPassword(password), displayName]);
  return password;
}

export async function loginThroughPage(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname.startsWith('/workspace/'), { timeout: 15000 });
}

/** Saves the page to docs/screenshots/<name>.png when SCREENSHOTS=1 (npm run screenshots). */
export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage });
}

/**
 * Accounts with a real password that log in through the login page, as people do. The app and the browser are read
 * lazily because a spec starts them in its beforeAll.
 */
export function browserPeople(app: () => TestApp, browser: () => Browser) {
  const passwords = new Map<string, string>();
  return {
    async person(roles: Parameters<TestApp['account']>[0], org: string | null, name: string): Promise<TestAccount> {
      const organisationId = org === null ? null : await app().organisation(org);
      const a = await app().account(roles, { organisationId });
      passwords.set(a.username, await withPassword(app(), a.id, name));
      return a;
    },
    async login(who: TestAccount): Promise<Page> {
      const page = await (await newContext(browser())).newPage();
      await loginThroughPage(page, app().http.baseUrl, who.username, passwords.get(who.username)!);
      return page;
    },
  };
}

/**
 * Opens the popconfirm that `trigger` shows and presses its `confirm` button, as a person would: if the popconfirm is
 * still open a moment later (the press landed while it was still animating in), press it again. Seen twice in ~6 full
 * runs on the committee's pages; what the press does is asserted by the caller, so a lost press still fails there.
 */
export async function confirmIn(page: Page, trigger: Locator, confirm: string | RegExp): Promise<void> {
  await trigger.click();
  const pop = page.locator('.ant-popconfirm:visible');
  await pop.waitFor();
  const button = pop.getByRole('button', { name: confirm });
  await button.click();
  const closed = await pop.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false);
  // a button still loading is the first press at work: never press twice then
  if (!closed && (await button.isVisible()) && !((await button.getAttribute('class')) ?? '').includes('ant-btn-loading')) await button.click();
}

/**
 * What a person would see as a breakage, collected for the test to assert empty at the end: a script error, a console
 * error (other than the browser's own line for a refused request, a 4xx the page shows in Chinese), any 5xx answer.
 */
export function watchErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/the server responded with a status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return () => errors;
}

/**
 * Whether the page itself scrolls sideways (a phone's width): [] when it fits, else the elements that reach past the
 * right edge outside any scrolling box (tables may scroll inside their cards), named so they can be fixed.
 */
export async function overflowing(page: Page): Promise<string[]> {
  const [scroll, width] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
  if (scroll <= width) return [];
  const wide = (await page.evaluate(`[...document.querySelectorAll('body *')].filter((e) => {
      const r = e.getBoundingClientRect();
      if (r.right <= window.innerWidth + 1 || r.width === 0) return false;
      for (let p = e.parentElement; p; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX) && p !== document.body && p !== document.documentElement) return false;
      return true;
    }).slice(0, 8).map((e) => e.tagName + '.' + String(e.className).slice(0, 60) + ' ' + Math.round(e.getBoundingClientRect().right))`)) as string[];
  return [`page ${scroll} px wide at ${width}`, ...wide];
}

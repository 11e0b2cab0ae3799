import { Browser, Page } from 'playwright-core';
import { Role } from '@app/platform/auth/roles';
import { launchChromium, loginThroughPage, overflowing, shoot, watchErrors, withPassword } from '../support/browser';
import { buildPublicDeals, PublicDeals } from '../support/public-deals';
import { startTestApp, TestAccount, TestApp } from '../support/test-app';
import { startWorker, WorkerProcess } from '../support/worker-process';

const WIDTHS = [
  { name: 'wide', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

type Who = 'public' | 'bidder' | 'owner' | 'centre' | 'expert' | 'office' | 'committee';

/**
 * Every page of the web, opened by the role it is for, at 1440 and 390 px, on deals of all four domains made through
 * the API with a worker running: it renders (no 404, no 无权访问, no error state), no console error, no uncaught error,
 * no 5xx, and at 390 px the page itself never scrolls sideways. With SCREENSHOTS=1 each is saved as
 * docs/screenshots/page-<route>-<width>.png. The role flows themselves are walked by the other e2e specs.
 */
describe('every page, as its role, at 1440 and 390 px', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let deals: PublicDeals;
  let lotId: string;
  const accounts = new Map<Who, { username: string; password: string }>();

  beforeAll(async () => {
    t = await startTestApp('web-every-page-e2e');
    worker = await startWorker({ DATABASE_URL: t.databaseUrl, REDIS_PREFIX: t.redisPrefix, MILESTONE_RECONCILE_MS: '1000', LOT_RECONCILE_MS: '500' });
    browser = await launchChromium();
    deals = await buildPublicDeals(t);
    lotId = (await t.http.get(`/public/land/parcels/${deals.parcel}`)).body.lotId;
    const person = async (who: Who, a: TestAccount) => accounts.set(who, { username: a.username, password: await withPassword(t, a.id, `${who} 演示`) });
    await person('owner', deals.people.owner);
    await person('bidder', deals.people.bidders[0]);
    for (const [who, role] of [['centre', Role.Centre], ['expert', Role.Expert], ['office', Role.Office], ['committee', Role.Committee]] as const) {
      await person(who, await t.account([role], role === Role.Expert ? { organisationId: null } : undefined));
    }
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await t?.close();
  });

  const pages = (): [Who, string][] => [
    ['public', '/'],
    ['public', '/login'],
    ['public', `/portal/tenders/${deals.tender}`],
    ['public', `/portal/tenders/${deals.openTender}`],
    ['public', `/portal/land/${deals.parcel}`],
    ['public', `/portal/rural/${deals.rural}`],
    ['public', `/portal/lots/${lotId}`],
    ['public', `/portal/projects/${deals.tender}`],
    ['public', '/portal/results'],
    ['public', '/portal/stats'],
    ['public', '/portal/rules'],
    ['public', '/portal/info'],
    ['public', '/portal/info/contracts'],
    ['public', '/portal/info/credit'],
    ['public', '/portal/info/complaints'],
    ['public', '/portal/info/open-data'],
    ['bidder', '/workspace/bidder'],
    ['bidder', `/workspace/bidder/tenders/${deals.openTender}`],
    ['bidder', '/workspace/bidder/live'],
    ['bidder', `/workspace/bidder/lots/${lotId}`],
    ['bidder', '/workspace/bidder/applications'],
    ['bidder', '/workspace/bidder/complaints'],
    ['bidder', '/workspace/bidder/complaints/new'],
    ['bidder', '/workspace/bidder/mall'],
    ['owner', '/workspace/owner'],
    ['owner', `/workspace/owner/tenders/${deals.tender}`],
    ['owner', '/workspace/owner/mall'],
    ['centre', '/workspace/centre'],
    ['centre', '/workspace/centre/calendar'],
    ['centre', '/workspace/centre/draws'],
    ['centre', '/workspace/centre/land'],
    ['centre', '/workspace/centre/rural'],
    ['centre', '/workspace/centre/mall'],
    ['centre', '/workspace/centre/deposits'],
    ['centre', `/workspace/centre/tenders/${deals.openTender}/deposits`],
    ['centre', `/workspace/centre/tenders/${deals.tender}/opening`],
    ['expert', '/workspace/expert'],
    ['expert', '/workspace/expert/evaluations'],
    ['office', '/workspace/supervision'],
    ['office', '/workspace/oversight'],
    ['office', '/workspace/oversight/cards'],
    ['office', '/workspace/oversight/collusion'],
    ['office', '/workspace/oversight/credit'],
    ['committee', '/workspace/committee'],
    ['committee', '/workspace/committee/drafts'],
    ['committee', '/workspace/committee/calendar'],
  ];

  /** A browser of this width, signed in through the login form as `who` (or not at all). */
  async function open(who: Who, viewport: { width: number; height: number }): Promise<Page> {
    const page = await (await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    const a = accounts.get(who);
    if (a) await loginThroughPage(page, t.http.baseUrl, a.username, a.password);
    return page;
  }

  const slug = (path: string) => path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'id').replace(/^\/$/, '/home').replace(/\//g, '-').replace(/^-/, '');

  for (const width of WIDTHS) {
    it(`opens every page at ${width.viewport.width} px without an error, and at a phone's width without sideways scrolling`, async () => {
      const failures: string[] = [];
      for (const who of ['public', 'bidder', 'owner', 'centre', 'expert', 'office', 'committee'] as Who[]) {
        const page = await open(who, width.viewport);
        const errors = watchErrors(page);
        for (const [role, path] of pages().filter(([w]) => w === who)) {
          await page.goto(`${t.http.baseUrl}${path}`);
          await page.waitForLoadState('networkidle');
          await page.locator('.ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 15000 }).catch(() => undefined);
          const text = (await page.locator('body').innerText()).slice(0, 4000);
          if (/页面不存在|无权访问此工作台|请求参数不合法|服务暂时不可用/.test(text)) failures.push(`${role} ${path}: ${text.match(/页面不存在|无权访问此工作台|请求参数不合法|服务暂时不可用/)![0]}`);
          if (width.name === 'phone') for (const o of await overflowing(page)) failures.push(`${role} ${path} at 390: ${o}`);
          for (const e of errors().splice(0)) failures.push(`${role} ${path}: ${e}`);
          await shoot(page, `page-${slug(path)}-${width.viewport.width}`);
        }
        await page.context().close();
      }
      expect(failures).toEqual([]);
    }, 600000);
  }
});

import { startTestApp, TestApp } from '../../support/test-app';

interface Schema {
  properties?: Record<string, { description?: string; $ref?: string; allOf?: unknown[] }>;
}

// Every field of the rule-set, calendar-year and project DTOs is described in Chinese and English on /docs.
describe('OpenAPI of rule sets and projects', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('rules-openapi');
  });

  afterAll(() => t.close());

  it('describes every field of their DTOs in Chinese and English', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const schemas = doc.components.schemas as Record<string, Schema>;
    const mine = Object.keys(schemas).filter((name) => /RuleSet|RuleParams|ParamChange|Project|Party|Snapshot|PublicOrganisation|CalendarYear|CalendarDay|HolidayDay|MakeUpDay/.test(name));
    expect(mine).toEqual(expect.arrayContaining(['CreateRuleSetDto', 'UpdateRuleSetDto', 'RuleSetView', 'RuleSetDiffView', 'CreateProjectDto', 'SuspendProjectDto', 'ProjectView', 'PublicProjectPage', 'EnterCalendarYearDto', 'HolidayDayDto', 'MakeUpDayDto', 'CalendarYearView', 'CalendarYearsView']));
    const undescribed = mine.flatMap((name) =>
      Object.entries(schemas[name].properties ?? {})
        .filter(([, p]) => !p.description || !/[\u4e00-\u9fff]/.test(p.description) || !/[A-Za-z]{2}/.test(p.description))
        .map(([prop]) => `${name}.${prop}`),
    );
    expect(undescribed).toEqual([]);
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(['/rule-sets', '/rule-sets/{id}', '/rule-sets/{id}/diff/{otherId}', '/rule-sets/{id}/publish', '/projects', '/projects/{id}', '/projects/{id}/publish', '/projects/{id}/suspend', '/projects/{id}/resume', '/public/projects', '/calendar/years', '/public/calendar/years', '/public/calendar/{year}']));
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { beijingTime, NOTIFICATION_TEMPLATES, renderNotification } from './notification-templates';

const LIBS = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'migrations' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The template names an expression can evaluate to: a literal, or either branch of a conditional (not its test). */
const literalsIn = (n: ts.Node): string[] => {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return [n.text];
  if (ts.isParenthesizedExpression(n)) return literalsIn(n.expression);
  if (ts.isConditionalExpression(n)) return [...literalsIn(n.whenTrue), ...literalsIn(n.whenFalse)];
  return [];
};

/**
 * Every template name the code can send: the string literals of a `template:` property in a call to
 * `….enqueue(…)`, and the literals passed as the `template` parameter of a method of the same class that takes one
 * (the domains' `notify`, `tellBidders`, `tellCentre` helpers).
 */
const unresolved: string[] = [];

function templatesUsed(): Map<string, string> {
  const found = new Map<string, string>();
  const take = (expr: ts.Node, file: string) => {
    const names = literalsIn(expr);
    // a helper passing its own `template` parameter on is fine; anything else computed cannot be checked here
    if (!names.length && !(ts.isIdentifier(expr) && expr.text === 'template')) unresolved.push(`${file.slice(LIBS.length + 1)}: ${expr.getText()}`);
    for (const l of names) found.set(l, file);
  };
  for (const file of sourceFiles(LIBS)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('enqueue(')) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const helpers = new Map<string, number>();
    const collectHelpers = (n: ts.Node) => {
      if (ts.isMethodDeclaration(n) && n.name && ts.isIdentifier(n.name)) {
        const i = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'template');
        if (i >= 0) helpers.set(n.name.text, i);
      }
      ts.forEachChild(n, collectHelpers);
    };
    collectHelpers(sf);
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const name = n.expression.name.text;
        if (name === 'enqueue') {
          for (const arg of n.arguments) {
            if (!ts.isObjectLiteralExpression(arg)) continue;
            for (const prop of arg.properties) {
              if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && prop.name.text === 'template') take(prop.initializer, file);
              if (ts.isShorthandPropertyAssignment(prop) && prop.name.text === 'template') take(prop.name, file);
            }
          }
        }
        const at = helpers.get(name);
        if (at !== undefined && n.expression.expression.kind === ts.SyntaxKind.ThisKeyword && n.arguments[at]) take(n.arguments[at], file);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

describe('notification templates', () => {
  const used = templatesUsed();

  it('finds the templates the domains send (the scan itself works)', () => {
    for (const t of ['tender.amendment', 'tender.clarification', 'tender.opened', 'tender.failed', 'procurement.quote_failed', 'tendering.award_notice', 'expert.draw.invitation', 'procurement.quote_won', 'complaint.filed', 'scheduling.session_moved']) {
      expect([t, used.has(t)]).toEqual([t, true]);
    }
    // a template name computed at run time would escape the check below: senders name their templates literally
    expect(unresolved).toEqual([]);
  });

  it('has a Chinese entry for every template used in the code', () => {
    const missing = [...used].filter(([t]) => !NOTIFICATION_TEMPLATES[t]).map(([t, file]) => `${t} (${file.slice(LIBS.length + 1)})`);
    expect(missing).toEqual([]);
  });

  it('renders every entry in Chinese, with its parameters and without "undefined"', () => {
    const params = { projectId: 'p', projectCode: 'JSGC-2026-0001', code: 'JSGC-2026-0001', name: '新院区工程', section: 1, title: '办公桌采购', round: 2 };
    for (const [name] of Object.entries(NOTIFICATION_TEMPLATES)) {
      const r = renderNotification(name, params);
      expect([name, /[\u4e00-\u9fa5]/.test(r.title), /[\u4e00-\u9fa5]/.test(r.text)]).toEqual([name, true, true]);
      expect(`${r.title}${r.text}`).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('keeps sealed-phase texts free of prices and other bidders whatever the sender put in the parameters', () => {
    const decoys = { price: '98765432.10', priceFen: '9876543210', winner: '诱饵建设集团', bidderName: '诱饵建设集团', organisationName: '诱饵建设集团', candidates: [{ rank: 1, bidderName: '诱饵建设集团', price: '98765432.10' }] };
    const sealed = Object.entries(NOTIFICATION_TEMPLATES).filter(([, t]) => t.sealed);
    expect(sealed.map(([n]) => n)).toEqual(expect.arrayContaining(['tender.amendment', 'tender.clarification', 'expert.draw.invitation']));
    for (const [name] of sealed) {
      const r = renderNotification(name, { projectCode: 'JSGC-2026-0001', ...decoys });
      expect([name, `${r.title}${r.text}`.includes('诱饵'), `${r.title}${r.text}`.includes('98765432')]).toEqual([name, false, false]);
    }
  });

  it('falls back to English for a template without an entry', () => {
    expect(renderNotification('nobody.knows', {})).toEqual({ title: 'Notification (nobody.knows)', text: expect.stringContaining('nobody.knows') });
  });

  it('shows times in Beijing time', () => {
    expect(beijingTime('2026-12-07T11:30:00.000Z')).toBe('2026-12-07 19:30');
    expect(beijingTime('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05');
    expect(beijingTime(undefined)).toBe('—');
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { actionName, AUDIT_ACTIONS } from './audit-actions';

const ROOT = join(__dirname, '../../../..');
const PREFIXES = new Set(Object.keys(AUDIT_ACTIONS).map((a) => a.split('.')[0]));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!['node_modules', 'dist', 'migrations', 'web'].includes(name)) sources(p, out);
    } else if (p.endsWith('.ts') && !p.endsWith('.spec.ts')) out.push(p);
  }
  return out;
}

/** Action literals where the code appends to the audit trail (an `action` field, or the deposit desk's `change(…)`). */
function actionLiterals(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sources(join(ROOT, 'libs')), ...sources(join(ROOT, 'apps'))]) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (!/action|this\.change\(/.test(line)) return;
      for (const m of line.matchAll(/'([a-z_]+)\.([a-z_]+)'/g)) if (PREFIXES.has(m[1])) found.set(`${m[1]}.${m[2]}`, `${file.slice(ROOT.length + 1)}:${i + 1}`);
    });
  }
  return found;
}

describe('审计动作名称表', () => {
  it('names every action literal the code appends, and the actions built from a state (order, project, lot, rural document)', () => {
    const dynamic = [
      ...['confirmed', 'delivered', 'accepted', 'rejected', 'paid', 'cancelled'].map((s) => `procurement.order_${s}`),
      ...['published', 'suspended', 'resumed', 'closed', 'cancelled'].map((s) => `project.${s}`),
      'lot.listing_started',
      'lot.live_started',
      'rural.resolution_uploaded',
      'rural.approval_uploaded',
      'tender.accepted',
      'tender.returned',
      'tender.resubmitted',
    ];
    const literals = actionLiterals();
    const missing = [...literals.keys(), ...dynamic].filter((a) => !AUDIT_ACTIONS[a]).map((a) => `${a} (${literals.get(a) ?? 'built from a state'})`);
    expect(missing).toEqual([]);
    expect(literals.size).toBeGreaterThan(100);
  });

  it('gives each a Chinese name that is not the code, and keeps an unknown code readable', () => {
    for (const [code, n] of Object.entries(AUDIT_ACTIONS)) {
      expect(n.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(n.zh).not.toContain(code);
      expect(n.en.length).toBeGreaterThan(2);
    }
    expect(actionName('tender.opened')).toEqual({ zh: '开标', en: 'bids opened' });
    expect(actionName('later.action')).toEqual({ zh: 'later.action', en: 'later.action' });
  });
});

// A realistic demo library (and the rows the import bench and tests generate): Fuzhou (3501xx) experts with valid
// ID numbers, mobile numbers and employers' USCCs, specialties from the catalogue. Deterministic: the same index
// always gives the same person, so seeding twice finds the same ID numbers and changes nothing.
import { DataSource } from 'typeorm';
import { AuditService } from '@app/platform/audit/audit.service';
import { SYSTEM_ACTOR } from '@app/platform/auth/roles';
import { shanghaiDate } from '@app/platform/calendar/working-days';
import { rowsOf } from '@app/platform/database/rows';
import { organisationCodeCheckChar, usccCheckChar } from '@app/platform/identity/uscc';
import { ExpertDraft } from '../rules/expert-row';
import { idNumberCheckChar } from '../rules/id-number';
import { idNumberIndex, IdNumberSealer, sealExpert } from './expert-sealing';
import { ExpertRepository } from './expert.repository';
import { ImportCells } from './import-template';

export const DEMO_EXPERT_COUNT = 3000;
export const DEMO_EXPERT_USERNAME = 'expert1';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄'.split('');
const GIVEN = '建国志强伟明华平军文斌勇杰涛磊鹏超辉刚健峰毅浩宇俊晨亮晓东海波宏伟秀英丽娟敏静芳燕玲红霞艳梅莉萍婷雪慧颖琳丹蕾欣怡佳琪雅思嘉文彬振兴立新永福金生瑞祥德庆荣光耀春秋'.split('');

// 福州市 districts and counties.
const REGIONS = ['350102', '350103', '350104', '350105', '350111', '350112', '350121', '350122', '350123', '350124', '350125', '350128', '350181'];

interface Family {
  specialties: string[];
  employers: string[];
  titles: string[];
  qualifications: string[];
  /** public institutions (事业单位) have USCCs starting 12, companies 91 */
  publicShare: number;
}

const FAMILIES: Family[] = [
  {
    specialties: ['A01.01.01', 'A01.01.02', 'A01.01.03', 'A01.01.04', 'A01.01.05', 'A01.01.06', 'A01.02.01', 'A01.02.02', 'A01.02.03', 'A01.02.04', 'A01.03.01', 'A01.03.02', 'A01.04.01', 'A01.04.02', 'A03'],
    employers: ['福州市建筑设计研究院有限公司', '福建省建筑科学研究院有限责任公司', '福州市规划设计研究院集团有限公司', '福建省水利水电勘测设计研究院有限公司', '福州市市政工程设计院有限公司', '福建建工集团有限责任公司', '中建海峡建设发展有限公司', '福建省交通规划设计院有限公司', '福州大学', '福建工程学院', '福建省建设工程质量安全监督总站', '福州城建工程监理有限公司'],
    titles: ['高级工程师', '正高级工程师', '教授级高级工程师', '工程师', '教授', '副教授'],
    qualifications: ['一级注册建造师', '一级注册结构工程师', '注册土木工程师(岩土)', '注册监理工程师', '一级注册建筑师', '注册公用设备工程师', '注册电气工程师', ''],
    publicShare: 0.3,
  },
  {
    specialties: ['A02.01', 'A02.02', 'E01.03', 'B02.03'],
    employers: ['福建华夏工程造价咨询有限公司', '福州中天造价咨询事务所有限公司', '福建闽都会计师事务所有限公司', '致远工程咨询(福建)有限公司'],
    titles: ['高级工程师', '高级经济师', '高级会计师', '工程师', '会计师'],
    qualifications: ['一级注册造价工程师', '注册会计师', '注册咨询工程师(投资)', ''],
    publicShare: 0,
  },
  {
    specialties: ['B01.01', 'B01.02.01', 'B01.02.02', 'B01.04', 'B01.05', 'B02.01'],
    employers: ['福建省计算中心', '福州市大数据发展管理委员会信息中心', '福建师范大学', '福州职业技术学院', '福建星网锐捷通讯股份有限公司', '福州市公共资源交易服务中心'],
    titles: ['高级工程师', '正高级工程师', '副教授', '教授', '工程师'],
    qualifications: ['信息系统项目管理师', '系统架构设计师', '注册信息安全专业人员', ''],
    publicShare: 0.6,
  },
  {
    specialties: ['B01.03', 'B01.03.01', 'B01.03.02', 'B01.03.03'],
    employers: ['福建医科大学附属协和医院', '福建医科大学附属第一医院', '福建省立医院', '福州市第一医院', '福州市中医院', '福建省医疗器械检验研究院'],
    titles: ['主任医师', '副主任医师', '主任技师', '副主任技师', '高级工程师'],
    qualifications: ['执业医师', '大型医用设备上岗合格证', ''],
    publicShare: 1,
  },
  {
    specialties: ['C01.01', 'C01.02', 'C01.03', 'C01.04', 'C01.05', 'B02.02', 'E01.01', 'E01.02'],
    employers: ['福建至理土地房地产评估有限公司', '福州市勘测院有限公司', '福建省国土测绘院', '福建联合信实律师事务所', '福建师范大学经济学院', '福州市不动产登记中心'],
    titles: ['高级工程师', '高级经济师', '一级律师', '二级律师', '教授', '副教授'],
    qualifications: ['土地估价师', '注册城乡规划师', '注册测绘师', '律师执业证', '资产评估师', ''],
    publicShare: 0.4,
  },
  {
    specialties: ['D01.01', 'D01.02', 'D01.03', 'D01.04', 'D01.05'],
    employers: ['福建农林大学', '福建省农业科学院', '福州市农业技术推广站', '福州市林业科学研究所', '闽侯县农村产权交易服务中心'],
    titles: ['高级农艺师', '农业技术推广研究员', '高级林业工程师', '教授', '副教授', '高级经济师'],
    qualifications: ['资产评估师', '林业调查规划设计资格', ''],
    publicShare: 1,
  },
];
const FAMILY_WEIGHTS = [40, 12, 14, 12, 14, 8];

/** mulberry32: a tiny seeded generator, so that row i is always the same person. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export function demoIdNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A valid USCC per employer name, stable across runs (the organisation code body comes from the name). */
export function demoEmployerUscc(name: string, publicInstitution: boolean): string {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  const body = String(h % 100_000_000).padStart(8, '0');
  const first17 = `${publicInstitution ? '12' : '91'}350100${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/**
 * Row `index` (0-based) of a generated library, as the cells of an import file. The sequence digits carry the index,
 * so ID numbers never repeat within a run of up to 1,000 × regions × birth days; `offset` shifts to another run.
 */
export function generatedExpert(index: number, today = '2026-11-24', offset = 0): ImportCells {
  const n = index + offset;
  const r = random(n * 7919 + 17);
  const family = (() => {
    let x = r() * FAMILY_WEIGHTS.reduce((a, b) => a + b, 0);
    for (let i = 0; i < FAMILIES.length; i++) if ((x -= FAMILY_WEIGHTS[i]) < 0) return FAMILIES[i];
    return FAMILIES[0];
  })();
  const region = REGIONS[n % REGIONS.length];
  // Birth days from 1958-01-01 over ~34 years, distinct per (n / regions) so that (region, birth, sequence) is unique.
  const k = Math.floor(n / REGIONS.length);
  const birth = new Date(Date.UTC(1958, 0, 1) + (k % 12400) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  // GB 11643: an odd sequence number is a man, an even one a woman; the low bit is the only random part.
  const sequence = Math.floor(k / 12400) * 2 + (r() < 0.5 ? 1 : 0);
  const given = pick(r, GIVEN) + (r() < 0.7 ? pick(r, GIVEN) : '');
  const employer = pick(r, family.employers);
  const primary = pick(r, family.specialties);
  const specialties = r() < 0.35 ? [primary, pick(r, family.specialties)] : [primary];
  const roll = r();
  const status = roll < 0.05 ? '暂停' : roll < 0.08 ? '退出' : '在库';
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + (30 + Math.floor(r() * 300)) * 86_400_000).toISOString().slice(0, 10);
  return {
    name: pick(r, SURNAMES) + given,
    idNumber: demoIdNumber(region, birth, sequence),
    phone: `1${pick(r, ['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
    employerUscc: demoEmployerUscc(employer, r() < family.publicShare),
    employerName: employer,
    region,
    title: pick(r, family.titles),
    qualification: pick(r, family.qualifications),
    specialties: [...new Set(specialties)].join(';'),
    status,
    suspendedUntil: status === '暂停' ? until : '',
  };
}

/** The demo expert whose login is `expert1` (评标专家 陈工). */
export function demoLinkedExpert(today: string): ImportCells {
  return {
    ...generatedExpert(0, today),
    name: '陈志远',
    title: '正高级工程师',
    qualification: '一级注册结构工程师',
    employerName: '福州市建筑设计研究院有限公司',
    employerUscc: demoEmployerUscc('福州市建筑设计研究院有限公司', false),
    specialties: 'A01.01.01;A01.01.02',
    status: '在库',
    suspendedUntil: '',
  };
}

function draftOf(c: ImportCells): ExpertDraft {
  const status = c.status === '暂停' ? 'suspended' : c.status === '退出' ? 'retired' : 'active';
  return {
    name: c.name!,
    idNumber: c.idNumber!,
    phone: c.phone!,
    employerUscc: c.employerUscc!,
    employerName: c.employerName!,
    region: c.region!,
    title: c.title!,
    qualification: c.qualification || null,
    specialties: c.specialties!.split(';'),
    status,
    suspendedUntil: status === 'suspended' ? c.suspendedUntil! : null,
  };
}

/**
 * Idempotent: inserts the demo experts not yet in the library (found by the ID number's blind index) and links the
 * demo expert account to 陈志远 if it is linked to nobody; each change audited once. Returns what it created.
 */
export async function seedDemoExperts(ds: DataSource, sealer: IdNumberSealer, count = DEMO_EXPERT_COUNT): Promise<{ experts: number; linked: boolean }> {
  const repo = new ExpertRepository();
  const audit = new AuditService();
  const today = shanghaiDate(new Date());
  const drafts = [draftOf(demoLinkedExpert(today)), ...Array.from({ length: count - 1 }, (_, i) => draftOf(generatedExpert(i + 1, today)))];
  const indexed = drafts.map((d) => ({ d, index: idNumberIndex(sealer, d.idNumber) }));
  return ds.transaction(async (em) => {
    // One seed at a time: a second concurrent run waits here and then finds everything present.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('seed:demo-experts'))`);
    const existing = await repo.existingIndexes(em, indexed.map((x) => x.index));
    const missing = indexed.filter((x) => !existing.has(x.index));
    for (let i = 0; i < missing.length; i += 2000) {
      await repo.insertMany(em, missing.slice(i, i + 2000).map((x) => sealExpert(sealer, x.d, x.index)));
    }
    if (missing.length) {
      await audit.append(em, { actor: SYSTEM_ACTOR, action: 'expert.seeded', subject: { type: 'expert_import', id: 'demo' }, payload: { created: missing.length, of: drafts.length } });
    }
    const [link] = rowsOf<{ id: string; accountId: string }>(
      await em.query(
        `UPDATE expert e SET account_id = a.id, updated_at = now()
         FROM account a
         WHERE a.username = $1 AND e.id_number_index = $2 AND e.account_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM expert x WHERE x.account_id = a.id)
         RETURNING e.id::text AS id, a.id AS "accountId"`,
        [DEMO_EXPERT_USERNAME, indexed[0].index],
      ),
    );
    if (link) {
      await audit.append(em, { actor: SYSTEM_ACTOR, action: 'expert.account_linked', subject: { type: 'expert', id: link.id }, payload: { from: null, to: link.accountId } });
    }
    return { experts: missing.length, linked: Boolean(link) };
  });
}

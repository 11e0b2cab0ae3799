/**
 * 公告正文: the announcement as published, written out from the facts the project was announced with (the platform
 * publishes the registered data; nothing here is invented). Layout after the standard texts: 《标准施工招标文件》
 * 第一章 招标公告; 《招标拍卖挂牌出让国有建设用地使用权规定》 出让公告; 农村产权 挂牌公告; 电子卖场 网上竞价公告.
 * Pure; unit-tested. Times in Beijing time, money grouped from the API's yuan strings.
 */
import { time, yuan } from './format';
import { EVALUATION_METHOD, LAND_USE, TENDER_KIND } from './labels';
import { regionName } from './regions';

export interface Announcement {
  title: string;
  blocks: { heading: string; lines: string[] }[];
}

const t16 = (v: string | null | undefined) => (v ? time(v).slice(0, 16) : '另行公告');

export interface TenderFacts {
  code: string;
  name: string;
  kind: string;
  region: string;
  ownerName: string;
  agentName: string | null;
  estimate: string;
  evaluationMethod: string;
  qualification: string;
  documentsAvailableAt: string | null;
  bidDeadline: string | null;
  sections: { no: number; name: string; estimate: string; deposit: string }[];
}

export function tenderAnnouncement(t: TenderFacts): Announcement {
  return {
    title: `${t.name} 招标公告`,
    blocks: [
      {
        heading: '一、招标条件',
        lines: [`本招标项目 ${t.name}(项目编号 ${t.code})已在公共资源交易中心进场登记,招标人为 ${t.ownerName}${t.agentName ? `,招标代理机构为 ${t.agentName}` : ''}。项目已具备招标条件,现对该项目进行公开招标。`],
      },
      {
        heading: '二、项目概况与招标范围',
        lines: [
          `项目所在地:${regionName(t.region)};招标类别:${TENDER_KIND[t.kind] ?? t.kind};估算金额:${yuan(t.estimate)}。本项目划分为 ${t.sections.length} 个标段:`,
          ...t.sections.map((s) => `第 ${s.no} 标段 ${s.name}:估算价 ${yuan(s.estimate)},投标保证金 ${yuan(s.deposit)}。`),
        ],
      },
      { heading: '三、投标人资格要求', lines: [t.qualification, '资格审查方式及其他要求见招标文件。'] },
      {
        heading: '四、招标文件的获取',
        lines: [
          `招标文件${t.documentsAvailableAt ? `自 ${t16(t.documentsAvailableAt)} 起` : ''}在本平台发布,潜在投标人登录本平台报名后下载。`,
          '招标文件及其修改文件的 SHA-256 摘要在本页公开,可据此核对所获文件与发布的是否一致。',
        ],
      },
      {
        heading: '五、投标文件的递交',
        lines: [
          `投标截止时间(即开标时间)为 ${t16(t.bidDeadline)}(北京时间)。`,
          '投标文件应在截止时间前通过本平台加密递交,以服务器完整收到文件的时间为准;逾期送达的,平台不予接收。',
        ],
      },
      { heading: '六、开标与评标', lines: ['本项目在本平台不见面开标:投标截止后由系统解密并公开唱标。', `评标办法:${EVALUATION_METHOD[t.evaluationMethod] ?? t.evaluationMethod}。`] },
      { heading: '七、发布公告的媒介', lines: ['本公告在阳光交易公共资源交易平台发布。'] },
    ],
  };
}

export interface ParcelFacts {
  code: string;
  name: string;
  region: string;
  ownerName: string;
  location: string;
  area: string;
  use: string;
  termYears: number;
  plotRatio: string;
  mode: string;
  startPrice: string;
  incrementText: string;
  deposit: string;
  listingStartsAt: string | null;
  listingEndsAt: string | null;
  auctionAt: string | null;
}

export function parcelAnnouncement(p: ParcelFacts): Announcement {
  const listing = p.mode === 'listing';
  const way = listing ? '挂牌' : '拍卖';
  return {
    title: `${p.name} 国有建设用地使用权${way}出让公告`,
    blocks: [
      { heading: '一、出让人', lines: [`经批准,${p.ownerName}决定以${way}方式出让 1 宗国有建设用地使用权(${regionName(p.region)})。`] },
      {
        heading: '二、出让地块的基本情况',
        lines: [
          `地块编号 ${p.code};坐落 ${p.location};面积 ${yuan(p.area, false)} 平方米;用途 ${LAND_USE[p.use] ?? p.use};出让年限 ${p.termYears} 年;容积率 ${p.plotRatio}。`,
          `起始价 ${yuan(p.startPrice)};加价幅度:${p.incrementText};竞买保证金 ${yuan(p.deposit)}。`,
        ],
      },
      {
        heading: '三、竞买申请',
        lines: [`申请人应在${listing ? '挂牌截止' : '拍卖会开始'}前通过本平台提交竞买申请及资格文件,并足额缴纳竞买保证金;经交易中心审核确认后取得竞买号。`],
      },
      {
        heading: listing ? '四、挂牌时间' : '四、拍卖会时间',
        lines: listing
          ? [
              `挂牌时间为 ${t16(p.listingStartsAt)} 至 ${t16(p.listingEndsAt)}(北京时间),在本平台网上挂牌,以竞买号报价,以服务器时间为准。`,
              '挂牌截止时有两个以上竞买人表示愿意继续竞价的,转入限时竞价;否则按挂牌期间的最高报价确定竞得人,报价不低于起始价(设有保留价的,不低于保留价)。',
            ]
          : [`拍卖会于 ${t16(p.auctionAt)}(北京时间)在本平台网上举行,按加价幅度竞价,最高应价者竞得(设有保留价的,不低于保留价)。`],
      },
      { heading: '五、结果公示', lines: ['竞价结束后在本平台公示出让结果,竞得人签订成交确认书。'] },
    ],
  };
}

export interface DealFacts {
  code: string;
  name: string;
  region: string;
  ownerName: string;
  kindName: string;
  description: string;
  quantity: string;
  unit: string;
  termMonths: number | null;
  listingPrice: string;
  increment: string;
  deposit: string;
  round: number;
  resolution?: { body: string; votesFor: number; votesTotal: number; date: string } | null;
  approval?: { authority: string; date: string } | null;
  listing?: { startsAt: string | null; endsAt: string | null } | null;
}

export function dealAnnouncement(x: DealFacts): Announcement {
  const body = x.resolution ? (x.resolution.body === 'villagers_meeting' ? '村民会议' : '村民代表会议') : null;
  return {
    title: `${x.name} ${x.round > 1 ? `第 ${x.round} 轮挂牌公告` : '挂牌公告'}`,
    blocks: [
      {
        heading: '一、交易标的',
        lines: [
          `项目编号 ${x.code};转出方 ${x.ownerName};所在地 ${regionName(x.region)}。`,
          `品种 ${x.kindName};数量 ${x.quantity} ${x.unit}${x.termMonths ? `;流转期限 ${x.termMonths} 个月` : ''}。${x.description}`,
        ],
      },
      { heading: '二、交易条件', lines: [`挂牌价 ${yuan(x.listingPrice)};加价幅度 ${yuan(x.increment)};交易保证金 ${yuan(x.deposit)}。`] },
      {
        heading: '三、民主决策与审核',
        lines: [
          x.resolution && body
            ? `本项目经${body}表决同意:应到 ${x.resolution.votesTotal} 人,同意 ${x.resolution.votesFor} 人(${x.resolution.date})。`
            : '集体经济组织的决议在挂牌前登记。',
          x.approval ? `经 ${x.approval.authority} 审核同意(${x.approval.date})。` : '乡镇审核意见在挂牌前登记。',
        ],
      },
      {
        heading: '四、挂牌期与报名',
        lines: [`挂牌期为 ${t16(x.listing?.startsAt)} 至 ${t16(x.listing?.endsAt)}(北京时间)。意向受让方应在挂牌期内通过本平台报名并缴纳交易保证金,经交易中心确认后取得竞买号。`],
      },
      { heading: '五、交易方式', lines: ['挂牌期满只有一个合格意向受让方的,以不低于挂牌价的价格协议转让;有两个及以上的,转入网络竞价,按加价幅度递增,价高者得。成交结果在本平台公示。'] },
    ],
  };
}

export interface RequirementFacts {
  title: string;
  purchaserName: string;
  categoryCode: string;
  items: { description: string; quantity: number; unit: string; specs?: string | null }[];
  deliveryRegion: string;
  deliveryDate: string;
  maxPrice: string;
  round: number;
  quoteDeadline: string;
  minQuotes: number;
}

export function requirementAnnouncement(r: RequirementFacts): Announcement {
  return {
    title: `${r.title} 网上竞价公告${r.round > 1 ? `(第 ${r.round} 轮)` : ''}`,
    blocks: [
      { heading: '一、采购人与品目', lines: [`采购人 ${r.purchaserName};采购品目 ${r.categoryCode}。`] },
      { heading: '二、采购内容', lines: r.items.map((i, n) => `${n + 1}. ${i.description} ${i.quantity} ${i.unit}${i.specs ? `(${i.specs})` : ''}`) },
      { heading: '三、最高限价与交付', lines: [`最高限价 ${yuan(r.maxPrice)};交货地点 ${regionName(r.deliveryRegion)};交货日期 ${r.deliveryDate}。`] },
      {
        heading: '四、报价与成交',
        lines: [
          `报价截止时间为 ${t16(r.quoteDeadline)}(北京时间)。入围框架协议的供应商应在截止前通过本平台密封报价,截止后统一开启。`,
          `有效报价不少于 ${r.minQuotes} 家的,以最低有效报价成交(同价者以先递交者为准);不足 ${r.minQuotes} 家的,本轮竞价失败。`,
        ],
      },
    ],
  };
}

/** The announcement as plain text (for saving or copying): the title, then each block. */
export function announcementText(a: Announcement): string {
  return [a.title, '', ...a.blocks.flatMap((b) => [b.heading, ...b.lines, ''])].join('\n');
}

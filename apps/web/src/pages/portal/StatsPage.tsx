import { Alert, Card, Col, Row, Statistic } from 'antd';
import { api } from '../../api/client';
import { Page as Paged, PublicParcel, PublicProject } from '../../api/types';
import { Chart } from '../../components/Chart';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { DOMAIN_LABEL, fenToYuan, yuan } from '../../format';

/** Yuan string → fen as BigInt (string operations, exact). */
function fen(y: string): bigint {
  const [i, f = ''] = y.split('.');
  return BigInt(i) * 100n + BigInt((f + '00').slice(0, 2)) * (y.startsWith('-') ? -1n : 1n);
}
const month = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date(iso)).replace(/\D+/g, '-').replace(/-$/, '');

async function load() {
  const projects: PublicProject[] = [];
  for (let page = 1; page <= 20; page++) {
    const r = await api.get<Paged<PublicProject>>('/public/projects', { page, pageSize: 100 });
    projects.push(...r.items);
    if (projects.length >= r.total || !r.items.length) break;
  }
  const parcels = await api.get<PublicParcel[]>('/public/land/parcels');
  return { projects, parcels };
}

/**
 * A first dashboard from the public lists (projects by domain and month, land amounts). Issue 8's statistics API
 * (amounts and sessions by domain and month, cumulative totals) replaces these client-side counts when it lands.
 */
export function StatsPage() {
  const data = useLoad(load, []);
  return (
    <Page title="统计分析" sub="按交易领域与月份统计(北京时间)">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="本页由公开项目清单汇总;统计接口(成交金额、场次、累计总额)上线后改用其数据。" />
      <Loaded state={data}>
        {({ projects, parcels }) => {
          const months = [...new Set(projects.map((p) => month(p.publishedAt)))].sort();
          const domains = ['tendering', 'land', 'procurement', 'rural'] as const;
          const sold = parcels.filter((p) => p.result === 'sold' && p.price && p.endedAt);
          const landMonths = [...new Set(sold.map((p) => month(p.endedAt!)))].sort();
          const landByMonth = landMonths.map((m) => sold.filter((p) => month(p.endedAt!) === m).reduce((s, p) => s + fen(p.price!), 0n));
          const landTotal = landByMonth.reduce((a, b) => a + b, 0n);
          return (
            <>
              <Row gutter={16} style={{ marginBottom: 16 }}>
                <Col span={6}><Card><Statistic title="公开项目总数" value={projects.length} suffix="项" /></Card></Col>
                {domains.slice(0, 2).map((d) => (
                  <Col span={6} key={d}><Card><Statistic title={`${DOMAIN_LABEL[d]}项目`} value={projects.filter((p) => p.domain === d).length} suffix="项" /></Card></Col>
                ))}
                <Col span={6}><Card><Statistic title="土地成交金额累计" value={yuan(fenToYuan(landTotal.toString()))} /></Card></Col>
              </Row>
              <Row gutter={16}>
                <Col span={14}>
                  <Card title="各领域项目数(按发布月份)">
                    <Chart
                      option={{
                        tooltip: { trigger: 'axis' },
                        legend: { top: 0 },
                        grid: { left: 40, right: 16, top: 40, bottom: 30 },
                        xAxis: { type: 'category', data: months },
                        yAxis: { type: 'value', minInterval: 1 },
                        series: domains.map((d) => ({ name: DOMAIN_LABEL[d], type: 'bar', stack: 'n', data: months.map((m) => projects.filter((p) => p.domain === d && month(p.publishedAt) === m).length) })),
                      }}
                    />
                  </Card>
                </Col>
                <Col span={10}>
                  <Card title="土地成交金额(万元,按月)">
                    <Chart
                      option={{
                        tooltip: { trigger: 'axis' },
                        grid: { left: 60, right: 16, top: 20, bottom: 30 },
                        xAxis: { type: 'category', data: landMonths },
                        yAxis: { type: 'value' },
                        // chart heights only: the exact amounts are in the tooltip-free cards and tables
                        series: [{ type: 'bar', name: '成交金额(万元)', data: landByMonth.map((f) => Number(f / 1000000n)) }],
                      }}
                    />
                  </Card>
                </Col>
              </Row>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}

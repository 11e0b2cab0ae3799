import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Progress, Row, Select, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, InfoCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { Statistics, StatsFigures, StatsRow } from '../../api/oversight-types';
import { Chart } from '../../components/Chart';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { DOMAIN_LABEL, yuan } from '../../format';
import { DOMAIN_COLOUR, DOMAINS } from '../../oversight-labels';
import { monthLabel, monthsBetween, percent, sumYuan, wanHeight, yi } from '../../oversight-format';
import '../../oversight.css';
import { RegionSelect, RegionText } from './PublicParts';

interface Filter {
  domain?: string;
  from?: string;
  to?: string;
  region?: string;
}

function query(f: Filter): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The rate that means something for a domain: savings against estimates, or premium over start prices. */
function priceRate(f: StatsFigures): { label: string; value: string } {
  if (f.savingsRate !== null) return { label: '节约率', value: percent(f.savingsRate) };
  if (f.premiumRate !== null) return { label: '溢价率', value: percent(f.premiumRate) };
  return { label: '—', value: '—' };
}

function Kpis({ s }: { s: Statistics }) {
  const all = s.totals.all;
  const last = s.cumulative[s.cumulative.length - 1];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} align="stretch">
      <Col xs={12} md={6}>
        <Card className="kpi kpi-accent" style={{ height: '100%' }}>
          <Statistic title="累计成交金额(亿元)" value={yi(last?.amountYi ?? '0')} valueStyle={{ fontWeight: 700 }} />
          <div className="kpi-foot" data-testid="kpi-cumulative">
            截至 {last ? monthLabel(last.month) : '—'} · 累计 {last?.succeeded ?? 0} 宗成交 / {last?.sessions ?? 0} 场
          </div>
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card className="kpi" style={{ height: '100%' }}>
          <Statistic title="本期成交金额(亿元)" value={yi(all.amountYi)} />
          <div className="kpi-foot money" data-testid="kpi-amount">
            {yuan(all.amount)}
          </div>
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card className="kpi" style={{ height: '100%' }}>
          <Statistic title="交易场次" value={all.sessions} suffix="场" />
          <div className="kpi-foot">
            成交 <b>{all.succeeded}</b> 场 · 流标/流拍 <b>{all.failed}</b> 场
          </div>
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card className="kpi" style={{ height: '100%' }}>
          <Statistic title="成交率" value={percent(all.successRate)} />
          <Progress percent={all.successRate === null ? 0 : Math.round(all.successRate * 100)} showInfo={false} strokeColor="#2f9e44" trailColor="#ffe3e3" size="small" />
          <div className="kpi-foot">流标(流拍)率 {percent(all.failureRate)}</div>
        </Card>
      </Col>
    </Row>
  );
}

/** Sums the rows of one domain and month over the regions (exact, in fen). */
function byDomainMonth(rows: StatsRow[], months: string[]) {
  return DOMAINS.map((d) => ({
    domain: d,
    amounts: months.map((m) => sumYuan(rows.filter((r) => r.domain === d && r.month === m).map((r) => r.amount))),
    sessions: months.map((m) => rows.filter((r) => r.domain === d && r.month === m).reduce((n, r) => n + r.sessions, 0)),
  }));
}

function Charts({ s }: { s: Statistics }) {
  const months = useMemo(() => {
    const ms = s.rows.map((r) => r.month).sort();
    return ms.length ? monthsBetween(ms[0], ms[ms.length - 1]) : [];
  }, [s]);
  const series = useMemo(() => byDomainMonth(s.rows, months), [s, months]);
  const shown = series.filter((x) => x.sessions.some((n) => n > 0));
  const axis = months.map(monthLabel);
  const succeeded = months.map((m) => s.rows.filter((r) => r.month === m).reduce((n, r) => n + r.succeeded, 0));
  const failed = months.map((m) => s.rows.filter((r) => r.month === m).reduce((n, r) => n + r.failed, 0));
  const domains = s.totals.byDomain.filter((d) => d.sessions > 0);

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Card title="成交金额(万元,按月、按领域)" data-testid="chart-amounts">
            <Chart
              option={{
                tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元` },
                legend: { top: 0 },
                grid: { left: 70, right: 16, top: 40, bottom: 30 },
                xAxis: { type: 'category', data: axis },
                yAxis: { type: 'value', name: '万元' },
                series: shown.map((x) => ({ name: DOMAIN_LABEL[x.domain], type: 'bar', stack: 'amount', barMaxWidth: 48, itemStyle: { color: DOMAIN_COLOUR[x.domain] }, data: x.amounts.map(wanHeight) })),
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="累计成交金额(亿元)" data-testid="chart-cumulative">
            <Chart
              option={{
                tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} 亿元` },
                grid: { left: 60, right: 40, top: 30, bottom: 30 },
                xAxis: { type: 'category', data: s.cumulative.map((c) => monthLabel(c.month)), boundaryGap: false },
                yAxis: { type: 'value', name: '亿元' },
                series: [{ name: '累计成交金额', type: 'line', step: false, areaStyle: { opacity: 0.15 }, itemStyle: { color: '#d9480f' }, data: s.cumulative.map((c) => Number(c.amountYi)) }],
              }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Card title="交易场次(按月):成交与流标、流拍" data-testid="chart-sessions">
            <Chart
              height={280}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 50, right: 16, top: 40, bottom: 30 },
                xAxis: { type: 'category', data: axis },
                yAxis: { type: 'value', minInterval: 1, name: '场' },
                series: [
                  { name: '成交', type: 'bar', stack: 'n', barMaxWidth: 48, itemStyle: { color: '#2f9e44' }, data: succeeded },
                  { name: '流标/流拍', type: 'bar', stack: 'n', barMaxWidth: 48, itemStyle: { color: '#c92a2a' }, data: failed },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="各领域成交率" data-testid="chart-rates">
            <Chart
              height={280}
              option={{
                tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
                legend: { top: 0 },
                grid: { left: 80, right: 30, top: 40, bottom: 30 },
                xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                yAxis: { type: 'category', data: domains.map((d) => DOMAIN_LABEL[d.domain]) },
                series: [
                  { name: '成交率', type: 'bar', stack: 'r', barMaxWidth: 28, itemStyle: { color: '#2f9e44' }, data: domains.map((d) => Number(percent(d.successRate).replace('%', ''))) },
                  { name: '流标(流拍)率', type: 'bar', stack: 'r', itemStyle: { color: '#ffa8a8' }, data: domains.map((d) => Number(percent(d.failureRate).replace('%', ''))) },
                ],
              }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function DomainTable({ s }: { s: Statistics }) {
  const rows = [...s.totals.byDomain.map((d) => ({ key: d.domain, name: DOMAIN_LABEL[d.domain], ...d })), { key: 'all', name: '合计', ...s.totals.all }];
  return (
    <Card title="各领域汇总" style={{ marginBottom: 16 }}>
      <Table
        scroll={{ x: 'max-content' }}
        size="middle"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        data-testid="domain-totals"
        rowClassName={(r) => (r.key === 'all' ? 'total-row' : '')}
        columns={[
          { title: '交易领域', dataIndex: 'name', render: (n, r) => (r.key === 'all' ? <b>{n}</b> : <Space><span className="dot" style={{ background: DOMAIN_COLOUR[r.key] }} />{n}</Space>) },
          { title: '场次', dataIndex: 'sessions', align: 'right' },
          { title: '成交', dataIndex: 'succeeded', align: 'right' },
          { title: '流标/流拍', dataIndex: 'failed', align: 'right' },
          { title: '成交率', dataIndex: 'successRate', align: 'right', render: percent },
          { title: '成交金额', dataIndex: 'amount', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
          { title: '亿元', dataIndex: 'amountYi', align: 'right', render: (v) => <span className="money">{yi(v)}</span> },
          { title: '参考价合计', dataIndex: 'referenceAmount', align: 'right', render: (v) => <span className="money muted">{yuan(v)}</span> },
          {
            title: (
              <Tooltip title="节约率 =(估算价或最高限价 − 成交价)/ 估算价,适用工程招标、网上竞价;溢价率 =(成交价 − 起始价)/ 起始价,适用土地、农村产权。跨领域合计不计。">
                节约率 / 溢价率 <InfoCircleOutlined />
              </Tooltip>
            ),
            align: 'right',
            render: (_, r) => {
              const p = priceRate(r);
              return p.label === '—' ? <span className="muted">—</span> : <span>{p.label} <b>{p.value}</b></span>;
            },
          },
        ]}
      />
    </Card>
  );
}

function DetailTable({ s }: { s: Statistics }) {
  return (
    <Card title={`明细(领域 × 月份 × 行政区划,共 ${s.rows.length} 行)`}>
      <Table<StatsRow>
        scroll={{ x: 'max-content' }}
        size="small"
        rowKey={(r) => `${r.domain}-${r.month}-${r.region}`}
        dataSource={s.rows}
        pagination={{ pageSize: 12, showSizeChanger: false }}
        columns={[
          { title: '月份', dataIndex: 'month', render: monthLabel },
          { title: '领域', dataIndex: 'domain', render: (d) => <Tag color={DOMAIN_COLOUR[d]}>{DOMAIN_LABEL[d]}</Tag> },
          { title: '行政区划', dataIndex: 'region', render: (r) => (r ? <RegionText code={r} /> : <span className="muted">未登记</span>) },
          { title: '场次', dataIndex: 'sessions', align: 'right' },
          { title: '成交', dataIndex: 'succeeded', align: 'right' },
          { title: '成交率', dataIndex: 'successRate', align: 'right', render: percent },
          { title: '成交金额', dataIndex: 'amount', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
          { title: '节约率 / 溢价率', align: 'right', render: (_, r) => { const p = priceRate(r); return p.label === '—' ? '—' : `${p.label} ${p.value}`; } },
        ]}
      />
    </Card>
  );
}

/** 交易统计: GET /public/statistics (the same for the public, the committee, the office and the regulators). */
export function StatsPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [form] = Form.useForm();
  const data = useLoad(() => api.get<Statistics>('/public/statistics', { ...filter }), [filter]);

  const apply = (v: { domain?: string; range?: [Dayjs, Dayjs] | null; region?: string }) =>
    setFilter({ domain: v.domain || undefined, from: v.range?.[0]?.format('YYYY-MM'), to: v.range?.[1]?.format('YYYY-MM'), region: v.region?.trim() || undefined });

  return (
    <Page
      title="交易统计分析"
      sub="成交金额、场次、成交率与节约率/溢价率 · 月份按北京时间 · 金额由分精确换算"
      extra={
        <Button icon={<DownloadOutlined />} href={`/public/statistics.xlsx${query(filter)}`} data-testid="stats-xlsx">
          下载 Excel
        </Button>
      }
    >
      <Card style={{ marginBottom: 16 }} size="small">
        <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="domain" label="交易领域">
            <Select allowClear placeholder="全部领域" style={{ width: 160 }} options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABEL[d] }))} data-testid="stats-domain" />
          </Form.Item>
          <Form.Item name="range" label="月份">
            <DatePicker.RangePicker picker="month" placeholder={['起始月份', '截止月份']} />
          </Form.Item>
          <Form.Item name="region" label="行政区划">
            <RegionSelect />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="stats-apply">
              查询
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => (form.resetFields(), setFilter({}))}>
              重置
            </Button>
          </Space>
        </Form>
      </Card>
      <Loaded state={data} rows={10} empty={(s) => s.totals.all.sessions === 0 && s.cumulative.length === 0} emptyText="所选范围内暂无已结束的交易场次">
        {(s) => (
          <div data-testid="stats-dashboard">
            <Kpis s={s} />
            <Charts s={s} />
            <DomainTable s={s} />
            <DetailTable s={s} />
          </div>
        )}
      </Loaded>
    </Page>
  );
}

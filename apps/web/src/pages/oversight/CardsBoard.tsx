import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Row, Segmented, Select, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Card as CardItem, CardCount, Paged } from '../../api/oversight-types';
import { useAuth } from '../../auth';
import { Chart } from '../../components/Chart';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { DOMAIN_LABEL, time } from '../../format';
import { DOMAIN_COLOUR, RESPONSIBLE, STEP_KIND } from '../../oversight-labels';
import { monthLabel, monthsBetween } from '../../oversight-format';
import { OversightTabs, supervisedDomains } from './common';

function Chip({ colour, n }: { colour: 'yellow' | 'red'; n: number }) {
  return <span className={`card-chip ${n ? colour : 'zero'}`} data-testid={`chip-${colour}`}>{n}</span>;
}

function partyName(c: { party?: string; organisation: { name: string } | null; expertId: string | null; responsibleRole?: string }) {
  if (c.organisation) return c.organisation.name;
  if (c.expertId || c.party === 'expert' || c.responsibleRole === 'expert') return `评标专家 ${c.expertId ? c.expertId.slice(0, 8) : ''}`;
  return '交易中心';
}

/** 红黄牌监察: counts per carded party and month, and the cards with the step, its times and the project. */
export function CardsBoard() {
  const { account } = useAuth();
  const scope = supervisedDomains(account);
  const domains = scope ?? (['tendering', 'land', 'procurement', 'rural'] as const);
  const [month, setMonth] = useState<string>();
  const [domain, setDomain] = useState<string | undefined>(scope?.length === 1 ? scope[0] : undefined);
  const [colour, setColour] = useState<string>('all');
  const [page, setPage] = useState(1);
  const [organisationId, setOrganisationId] = useState<string>();

  const counts = useLoad(() => api.get<CardCount[]>('/supervision/cards/counts', { month, domain }), [month, domain]);
  const cards = useLoad(
    () => api.get<Paged<CardItem>>('/supervision/cards', { month, domain, organisationId, colour: colour === 'all' ? undefined : colour, page, pageSize: 15 }),
    [month, domain, colour, page, organisationId],
  );

  const byMonth = useMemo(() => {
    const m = new Map<string, { yellow: number; red: number }>();
    for (const c of counts.data ?? []) {
      const x = m.get(c.month) ?? { yellow: 0, red: 0 };
      x.yellow += c.yellow;
      x.red += c.red;
      m.set(c.month, x);
    }
    const months = [...m.keys()].sort();
    return months.length ? monthsBetween(months[0], months[months.length - 1]).map((k): [string, { yellow: number; red: number }] => [k, m.get(k) ?? { yellow: 0, red: 0 }]) : [];
  }, [counts.data]);
  const totals = byMonth.reduce((s, [, x]) => ({ yellow: s.yellow + x.yellow, red: s.red + x.red }), { yellow: 0, red: 0 });
  const parties = new Set((counts.data ?? []).map((c) => c.organisation?.id ?? c.expertId ?? 'centre')).size;

  return (
    <Page title="监督管理" sub="对交易各方在法定时限内应办事项的自动监察:到预警时点亮黄牌,超过时限亮红牌,计入信用记录">
      <OversightTabs />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={16}>
          <DatePicker picker="month" placeholder="全部月份" onChange={(d: Dayjs | null) => (setMonth(d ? d.format('YYYY-MM') : undefined), setPage(1))} />
          {domains.length > 1 && (
            <Select allowClear placeholder="全部领域" style={{ width: 140 }} value={domain} onChange={(v) => (setDomain(v), setPage(1))} options={domains.map((d) => ({ value: d, label: DOMAIN_LABEL[d] }))} />
          )}
          <Segmented value={colour} onChange={(v) => (setColour(String(v)), setPage(1))} options={[{ value: 'all', label: '全部' }, { value: 'yellow', label: '黄牌' }, { value: 'red', label: '红牌' }]} />
          {organisationId && (
            <Tag closable onClose={() => setOrganisationId(undefined)} color="blue">
              仅看单位:{(counts.data ?? []).find((c) => c.organisation?.id === organisationId)?.organisation?.name ?? organisationId.slice(0, 8)}
            </Tag>
          )}
        </Space>
      </Card>
      <Loaded state={counts} rows={6}>
        {(list) => (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={8}>
                <Card className="kpi" style={{ height: '100%' }}>
                  <Row gutter={16}>
                    <Col span={12}><Statistic title="黄牌" value={totals.yellow} suffix="张" valueStyle={{ color: '#e67700', fontWeight: 700 }} /></Col>
                    <Col span={12}><Statistic title="红牌" value={totals.red} suffix="张" valueStyle={{ color: '#c92a2a', fontWeight: 700 }} /></Col>
                  </Row>
                  <div style={{ borderTop: '1px solid #f1f3f5', margin: '16px 0', height: 0 }} />
                  <Statistic title="被亮牌方(单位、专家与交易中心)" value={parties} suffix="个" />
                  <div className="kpi-foot">黄牌:到达预警时点仍未办结;红牌:超过办理时限</div>
                </Card>
              </Col>
              <Col span={16}>
                <Card title="红黄牌(按月)" size="small" data-testid="chart-cards" style={{ height: '100%' }}>
                  <Chart
                    height={230}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: { top: 0 },
                      grid: { left: 40, right: 16, top: 36, bottom: 24 },
                      xAxis: { type: 'category', data: byMonth.map(([m]) => monthLabel(m)) },
                      yAxis: { type: 'value', minInterval: 1 },
                      series: [
                        { name: '黄牌', type: 'bar', stack: 'c', barMaxWidth: 40, itemStyle: { color: '#fab005' }, data: byMonth.map(([, x]) => x.yellow) },
                        { name: '红牌', type: 'bar', stack: 'c', barMaxWidth: 40, itemStyle: { color: '#e03131' }, data: byMonth.map(([, x]) => x.red) },
                      ],
                    }}
                  />
                </Card>
              </Col>
            </Row>
            <Card title="按单位和月份" style={{ marginBottom: 16 }}>
              <Table<CardCount>
                size="small"
                rowKey={(c) => `${c.month}-${c.organisation?.id ?? c.expertId ?? 'centre'}`}
                dataSource={list}
                data-testid="card-counts"
                locale={{ emptyText: '所选范围内没有红黄牌' }}
                pagination={{ pageSize: 10, showSizeChanger: false }}
                columns={[
                  { title: '月份', dataIndex: 'month', width: 120, render: monthLabel },
                  { title: '被亮牌方', render: (_, c) => <Space>{partyName(c)}{c.party !== 'organisation' && <Tag>{c.party === 'expert' ? '专家' : '交易中心'}</Tag>}</Space> },
                  { title: '黄牌', dataIndex: 'yellow', width: 90, align: 'center', render: (n) => <Chip colour="yellow" n={n} /> },
                  { title: '红牌', dataIndex: 'red', width: 90, align: 'center', render: (n) => <Chip colour="red" n={n} /> },
                  {
                    title: '',
                    width: 200,
                    render: (_, c) =>
                      c.organisation ? (
                        <Space>
                          <a onClick={() => (setOrganisationId(c.organisation!.id), setPage(1))}>查看明细</a>
                          <Link to={`/workspace/oversight/credit?organisationId=${c.organisation.id}`}>信用记录</Link>
                        </Space>
                      ) : null,
                  },
                ]}
              />
            </Card>
          </>
        )}
      </Loaded>
      <Loaded state={cards} rows={6}>
        {(d) => (
          <Card title={`亮牌明细(共 ${d.total} 张,最新在前)`}>
            <Table<CardItem>
              size="small"
              rowKey="id"
              dataSource={d.items}
              data-testid="card-list"
              locale={{ emptyText: '没有符合条件的红黄牌' }}
              pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: '', dataIndex: 'colour', width: 56, render: (c) => <Tooltip title={c === 'red' ? '红牌:超过时限' : '黄牌:到达预警时点'}><span className={`card-chip ${c}`} style={{ minWidth: 22, height: 30 }} /></Tooltip> },
                {
                  title: '事项',
                  render: (_, c) => (
                    <Space direction="vertical" size={0}>
                      <b>{STEP_KIND[c.stepKind] ?? c.stepKind}</b>
                      {c.project ? <Link to={`/portal/projects/${c.project.id}`} className="muted">{c.project.code} {c.project.name}</Link> : <span className="muted">电子卖场订单</span>}
                    </Space>
                  ),
                },
                { title: '领域', dataIndex: 'domain', width: 100, render: (v) => <Tag color={DOMAIN_COLOUR[v]} bordered={false}>{DOMAIN_LABEL[v]}</Tag> },
                { title: '责任方', width: 200, render: (_, c) => <Space direction="vertical" size={0}><span>{partyName(c)}</span><span className="muted">{RESPONSIBLE[c.responsibleRole] ?? c.responsibleRole}</span></Space> },
                { title: '起算', dataIndex: 'startedAt', width: 165, render: time },
                { title: `预警时点`, width: 165, render: (_, c) => <Tooltip title={`时限的 ${c.warningPercent}%`}>{time(c.warnAt)}</Tooltip> },
                { title: '时限', dataIndex: 'dueAt', width: 165, render: time },
                { title: '办结', dataIndex: 'doneAt', width: 165, render: (v) => (v ? time(v) : <Tag color="error">未办结</Tag>) },
              ]}
            />
          </Card>
        )}
      </Loaded>
    </Page>
  );
}

import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Grid, Input, Popconfirm, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Deposit, Section, Tender } from '../../api/types';
import { TenderList, TenderListItem } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { confirmBinding } from '../../components/BindingConfirm';
import { useAction } from '../../components/actions';
import { ErrorState, Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { time, yuan } from '../../format';
import { SECTION_STATUS, TENDER_STATUS } from '../../labels';
import { DeskTabs } from './DeskTabs';
import { DEPOSIT_METHOD, DESK_DEPOSIT_STATE, deskState, offered, overdue, tally } from './deposit-desk';

const TABS: { key: string; label: string; hint: string }[] = [
  { key: 'bidding', label: '投标中', hint: '投标人申报的保证金:核对银行到账或保函后确认;截止前撤回投标的,保证金应退' },
  { key: 'failed', label: '流标', hint: '招标失败:保证金应退,现金登记退款流水号,电子保函解除' },
  { key: 'awarded', label: '已定标', hint: '签订合同后保证金应退(条例 57)' },
  { key: 'opened', label: '已开标', hint: '已开标的项目:流标标段的保证金应退' },
  { key: 'evaluating', label: '评标中', hint: '评标中的项目' },
  { key: 'publicity', label: '候选人公示', hint: '候选人公示中的项目' },
  { key: '', label: '全部', hint: '全部招标项目' },
];

/** 投标保证金 desk: the tenders by status; a row opens the tender's deposits. */
export function DepositDesk() {
  const [tab, setTab] = useState('bidding');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const navigate = useNavigate();
  const list = useLoad(() => api.get<TenderList>('/tenders', { status: tab || undefined, page, pageSize }), [tab, page, pageSize]);
  return (
    <Page title="交易业务" sub="土地出让、农村产权、电子卖场与招标投标保证金中等待交易中心办理的事项">
      <DeskTabs />
      <Card>
        <Tabs activeKey={tab} onChange={(k) => (setTab(k), setPage(1))} items={TABS.map((x) => ({ key: x.key, label: x.label }))} />
        <div className="muted" style={{ marginBottom: 12 }}>{TABS.find((x) => x.key === tab)?.hint}</div>
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<TenderListItem>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: list.data ? '暂无项目' : ' ' }}
            onRow={(t) => ({ onClick: () => navigate(`/workspace/centre/tenders/${t.id}/deposits`), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 个项目`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
            columns={[
              { title: '项目', render: (_, t) => <><Link to={`/workspace/centre/tenders/${t.id}/deposits`}>{t.name}</Link><div className="mono muted">{t.code}</div></> },
              { title: '招标人', dataIndex: 'ownerName', width: 200, responsive: ['md'] },
              { title: '标段', dataIndex: 'sectionCount', width: 70, responsive: ['md'], render: (n) => `${n} 个` },
              { title: '投标截止', dataIndex: 'bidDeadline', width: 170, responsive: ['sm'], render: (v) => time(v) },
              { title: '状态', dataIndex: 'status', width: 110, render: (s) => <StatusTag map={TENDER_STATUS} value={s} /> },
            ]}
          />
        )}
      </Card>
    </Page>
  );
}

/** The centre's steps on one deposit: confirm the money arrived, then, once due, refund cash with its reference or release a guarantee. */
type Run = ReturnType<typeof useAction>['run'];

function DepositActions({ d, t, section, run, busy, onDone }: { d: Deposit; t: Tender; section: Section | undefined; run: Run; busy: string | null; onDone: () => void }) {
  const { modal } = App.useApp();
  const [reference, setReference] = useState('');
  const can = offered(d);
  const lines = (extra: { label: string; value: string }[]) => [
    { label: '投标人', value: d.organisationName },
    { label: '项目', value: `${t.name}(${t.code})` },
    { label: '标段', value: section ? `第 ${section.no} 标段 ${section.name}` : `第 ${d.sectionNo} 标段` },
    ...extra,
  ];
  // refused or not, the list is read again: a refusal usually means the page was behind the server
  const act = async (key: string, fn: () => Promise<unknown>, done: string) => {
    await run(`${key}:${d.id}`, fn, done);
    onDone();
  };
  const ref = reference.trim();
  return (
    <div>
      {can.length === 0 && <span className="muted">—</span>}
      {can.includes('confirm') && (
        <Popconfirm
          title={`确认 ${yuan(d.amount)} 已到账?`}
          description={`${DEPOSIT_METHOD[d.method]?.reference ?? '凭证'} ${d.reference}`}
          okText="确认到账"
          cancelText="取消"
          onConfirm={() => act('confirm', () => api.post(`/tenders/deposits/${d.id}/confirm`), '已确认到账')}
        >
          <Button size="small" type="primary" loading={busy === `confirm:${d.id}`} data-testid={`deposit-confirm-${d.id}`}>到账确认</Button>
        </Popconfirm>
      )}
      {can.includes('refund') && (
        <Space.Compact style={{ width: '100%', maxWidth: 300 }}>
          <Input size="small" placeholder="退款流水号" maxLength={64} value={reference} onChange={(e) => setReference(e.target.value)} data-testid={`deposit-refund-ref-${d.id}`} />
          <Button
            size="small"
            type="primary"
            disabled={ref.length < 4}
            loading={busy === `refund:${d.id}`}
            data-testid={`deposit-refund-${d.id}`}
            onClick={async () => {
              const ok = await confirmBinding(modal, {
                title: '确认退还投标保证金',
                amountYuan: d.amount,
                amountLabel: '退还金额',
                lines: lines([{ label: '退款流水号', value: ref }]),
                warning: '登记后不可撤销:请核对银行退款凭证上的金额与流水号。',
                okText: '确认退还',
              });
              if (ok) await act('refund', () => api.post(`/tenders/deposits/${d.id}/refund`, { reference: ref }), '已登记退还');
            }}
          >
            退还
          </Button>
        </Space.Compact>
      )}
      {can.includes('release') && (
        <Button
          size="small"
          type="primary"
          loading={busy === `release:${d.id}`}
          data-testid={`deposit-release-${d.id}`}
          onClick={async () => {
            const ok = await confirmBinding(modal, {
              title: '确认解除电子保函',
              amountYuan: d.amount,
              amountLabel: '担保金额',
              lines: lines([{ label: '保函编号', value: d.reference }]),
              warning: '解除后保函不再为本次投标担保,不可撤销。',
              okText: '确认解除',
            });
            if (ok) await act('release', () => api.post(`/tenders/deposits/${d.id}/release`), '已解除保函');
          }}
        >
          解除保函
        </Button>
      )}
      {ref.length > 0 && ref.length < 4 && <div className="muted">流水号 4–64 个字符</div>}
    </div>
  );
}

function MethodCell({ d }: { d: Deposit }) {
  return (
    <>
      <Tag color={d.method === 'guarantee' ? 'purple' : 'cyan'}>{DEPOSIT_METHOD[d.method]?.text ?? d.method}</Tag>
      <div className="muted">{DEPOSIT_METHOD[d.method]?.reference} <span className="mono">{d.reference}</span></div>
    </>
  );
}

function StateCell({ d }: { d: Deposit }) {
  const s = deskState(d);
  return (
    <>
      <Tag color={DESK_DEPOSIT_STATE[s].color} data-testid={`deposit-state-${d.id}`}>{DESK_DEPOSIT_STATE[s].text}</Tag>
      <div className="muted">
        {s === 'declared' && `申报 ${time(d.declaredAt)}`}
        {(s === 'confirmed' || s === 'due') && `确认 ${time(d.confirmedAt)}`}
        {s === 'refunded' && <>退还 {time(d.refundedAt)}<br />流水号 <span className="mono">{d.refundReference ?? '—'}</span></>}
        {s === 'released' && `解除 ${time(d.releasedAt)}`}
      </div>
    </>
  );
}

function DueCell({ d, now }: { d: Deposit; now: number }) {
  return d.refundDue ? (
    <span data-testid={`deposit-due-${d.id}`}>
      {time(d.refundDue)}
      {overdue(d, now) && <Tag color="error" style={{ marginLeft: 4 }}>已逾期</Tag>}
    </span>
  ) : (
    <span className="muted">未到退还时候</span>
  );
}

const DUE_TITLE = (
  <Tooltip title="撤回投标(条例 35)、招标失败或签订合同(条例 57)后应退,此为最迟退还时间">
    <span>应退日期</span>
  </Tooltip>
);

interface RowsProps {
  t: Tender;
  section: Section | undefined;
  deposits: Deposit[];
  now: number;
  run: Run;
  busy: string | null;
  onDone: () => void;
}

function DepositTable({ t, section, deposits, now, run, busy, onDone }: RowsProps) {
  return (
    <Table<Deposit>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={deposits}
      scroll={{ x: 980 }}
      locale={{ emptyText: '尚无投标人申报保证金' }}
      rowClassName={(d) => `deposit-row deposit-${deskState(d)}`}
      columns={[
        { title: '投标人', dataIndex: 'organisationName', width: 200, fixed: 'left' },
        { title: '方式', width: 190, render: (_, d) => <MethodCell d={d} /> },
        { title: '金额', dataIndex: 'amount', width: 140, align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
        { title: '状态', width: 200, render: (_, d) => <StateCell d={d} /> },
        { title: DUE_TITLE, width: 170, render: (_, d) => <DueCell d={d} now={now} /> },
        { title: '办理', width: 290, render: (_, d) => <DepositActions d={d} t={t} section={section} run={run} busy={busy} onDone={onDone} /> },
      ]}
    />
  );
}

/** The same rows on a phone: one block per deposit, the steps full width under it. */
function DepositCards({ t, section, deposits, now, run, busy, onDone }: RowsProps) {
  if (deposits.length === 0) return <div className="muted">尚无投标人申报保证金</div>;
  return (
    <div className="deposit-cards">
      {deposits.map((d) => (
        <div key={d.id} className={`deposit-card deposit-row deposit-${deskState(d)}`}>
          <div className="deposit-card-head">
            <strong>{d.organisationName}</strong>
            <span className="money">{yuan(d.amount)}</span>
          </div>
          <MethodCell d={d} />
          <div style={{ marginTop: 6 }}><StateCell d={d} /></div>
          <div style={{ marginTop: 6 }}><span className="muted">应退日期 </span><DueCell d={d} now={now} /></div>
          {offered(d).length > 0 && <div style={{ marginTop: 8 }}><DepositActions d={d} t={t} section={section} run={run} busy={busy} onDone={onDone} /></div>}
        </div>
      ))}
    </div>
  );
}

/** 投标保证金 of one tender: every deposit by section, with the centre's steps (GET /tenders/:id/deposits). */
export function TenderDeposits() {
  const { id = '' } = useParams();
  const tender = useLoad(() => api.get<Tender>(`/tenders/${id}`), [id]);
  const deposits = useLoad(() => api.get<Deposit[]>(`/tenders/${id}/deposits`), [id]);
  const [now, setNow] = useState(Date.now());
  const { busy, refusal, setRefusal, run } = useAction();
  const narrow = Grid.useBreakpoint().md === false;
  const Rows = narrow ? DepositCards : DepositTable;
  const reload = () => (deposits.reload(), tender.reload(), setNow(Date.now()));
  return (
    <Loaded state={tender} rows={8}>
      {(t) => {
        const n = deposits.data ? tally(deposits.data) : null;
        return (
          <Page
            title={<>投标保证金 · {t.name}</>}
            sub={<Breadcrumb items={[{ title: <Link to="/workspace/centre/deposits">投标保证金</Link> }, { title: <span className="mono">{t.code}</span> }]} />}
            extra={
              <Space>
                <StatusTag map={TENDER_STATUS} value={t.status} />
                <Button icon={<ReloadOutlined />} onClick={reload} loading={deposits.loading} data-testid="deposits-reload">刷新</Button>
              </Space>
            }
          >
            <Card style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
                <Descriptions.Item label="招标人">{t.ownerName}</Descriptions.Item>
                <Descriptions.Item label="投标截止">{time(t.bidDeadline)}</Descriptions.Item>
                <Descriptions.Item label="开标时间">{time(t.openedAt)}</Descriptions.Item>
              </Descriptions>
              {n && (
                <Space wrap style={{ marginTop: 8 }} data-testid="deposit-tally">
                  {(['declared', 'confirmed', 'due', 'refunded', 'released'] as const).map((s) => (
                    <Tag key={s} color={n[s] ? DESK_DEPOSIT_STATE[s].color : 'default'}>
                      {DESK_DEPOSIT_STATE[s].text} {n[s]}
                    </Tag>
                  ))}
                </Space>
              )}
            </Card>
            <Refusal error={refusal} onClose={() => setRefusal(null)} />
            <Loaded state={deposits} rows={6}>
              {(list) => (
                <>
                  {t.sections.map((s) => (
                    <Card
                      key={s.no}
                      size="small"
                      style={{ marginBottom: 16 }}
                      data-testid={`deposit-section-${s.no}`}
                      title={
                        <Space wrap>
                          <span>第 {s.no} 标段 · {s.name}</span>
                          <span className="muted">应缴 <span className="money">{yuan(s.deposit)}</span></span>
                          <Tag>{SECTION_STATUS[s.status] ?? s.status}</Tag>
                        </Space>
                      }
                    >
                      <Rows t={t} section={s} deposits={list.filter((d) => d.sectionNo === s.no)} now={now} run={run} busy={busy} onDone={reload} />
                    </Card>
                  ))}
                </>
              )}
            </Loaded>
          </Page>
        );
      }}
    </Loaded>
  );
}

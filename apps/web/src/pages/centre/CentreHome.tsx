import { useState } from 'react';
import { App, Badge, Button, Card, Descriptions, Drawer, Input, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Tender } from '../../api/types';
import { TenderList, TenderListItem } from '../../api/workspace-types';
import { Page } from '../../components/AppLayout';
import { useAction } from '../../components/actions';
import { ErrorState, Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { beijingDay, bytes, shortHash, time, yuan } from '../../format';
import { confirmBinding } from '../../components/BindingConfirm';
import { drawerWidth } from './CentreBits';
import { beijingInstant } from './centre-text';
import { EVALUATION_METHOD, TENDER_KIND, TENDER_STATUS } from '../../labels';

const TABS: { key: string; label: string; hint: string }[] = [
  { key: 'submitted', label: '待受理', hint: '招标人或代理机构提交的进场登记,受理或退回补正' },
  { key: 'accepted', label: '待发布公告', hint: '已受理,招标文件齐备后发布招标公告并设定投标截止时间' },
  { key: 'returned', label: '已退回', hint: '退回补正,等待重新提交' },
  { key: 'bidding', label: '投标中', hint: '公告已发布,投标截止即开标' },
  { key: 'opened', label: '已开标', hint: '开标记录与现场异议答复' },
  { key: '', label: '全部', hint: '全部招标项目' },
];

/** Acceptance and announcement of one tender: accept or return with reasons, then publish with a bid deadline. */
function TenderDesk({ id, onChanged }: { id: string; onChanged: () => void }) {
  const tender = useLoad(() => api.get<Tender>(`/tenders/${id}`), [id]);
  const { busy, refusal, setRefusal, run } = useAction();
  const [reason, setReason] = useState('');
  const [deadlineDate, setDeadlineDate] = useState(() => beijingDay(new Date(Date.now() + 21 * 86400000)));
  const [deadlineTime, setDeadlineTime] = useState('09:30:00');
  const deadline = beijingInstant(deadlineDate, deadlineTime);
  const { modal } = App.useApp();
  const act = async (key: string, fn: () => Promise<unknown>, done: string) => {
    if ((await run(key, fn, done)) !== undefined) {
      tender.reload();
      onChanged();
    }
  };
  return (
    <Loaded state={tender} rows={8}>
      {(t) => (
        <div data-testid="tender-desk">
          <Space style={{ marginBottom: 12 }}>
            <StatusTag map={TENDER_STATUS} value={t.status} />
            <span className="mono">{t.code}</span>
          </Space>
          <Refusal error={refusal} onClose={() => setRefusal(null)} />
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="招标人">{t.ownerName}</Descriptions.Item>
            <Descriptions.Item label="招标代理">{t.agentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="类型">{TENDER_KIND[t.kind] ?? t.kind}</Descriptions.Item>
            <Descriptions.Item label="评标办法">{EVALUATION_METHOD[t.evaluationMethod]}</Descriptions.Item>
            <Descriptions.Item label="估算价"><span className="money">{yuan(t.estimate)}</span></Descriptions.Item>
            <Descriptions.Item label="投标截止">{time(t.bidDeadline)}</Descriptions.Item>
            <Descriptions.Item label="资格条件" span={2}>{t.qualification}</Descriptions.Item>
            {t.returnReasons?.length ? <Descriptions.Item label="退回理由" span={2}>{t.returnReasons.join(';')}</Descriptions.Item> : null}
          </Descriptions>
          <Table
            size="small"
            rowKey="no"
            pagination={false}
            style={{ marginBottom: 16 }}
            scroll={{ x: 480 }}
            dataSource={t.sections}
            columns={[
              { title: '标段', dataIndex: 'no', width: 60 },
              { title: '名称', dataIndex: 'name' },
              { title: '估算价', dataIndex: 'estimate', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '保证金', dataIndex: 'deposit', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginBottom: 16 }}
            locale={{ emptyText: '尚未上传招标文件' }}
            dataSource={t.documents}
            columns={[
              { title: '招标文件', dataIndex: 'fileName' },
              { title: '大小', dataIndex: 'size', width: 90, render: bytes },
              { title: 'SHA-256', dataIndex: 'sha256', width: 150, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h)}</span></Tooltip> },
            ]}
          />
          {t.status === 'submitted' && (
            <Card size="small" title="受理审核">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Button type="primary" loading={busy === 'accept'} onClick={() => act('accept', () => api.post(`/tenders/${id}/accept`), '已受理')} data-testid="accept">
                  受理进场登记
                </Button>
                <Space.Compact style={{ width: '100%' }}>
                  <Input placeholder="退回理由(如:缺少立项批复文件)" value={reason} onChange={(e) => setReason(e.target.value)} />
                  <Button danger disabled={!reason.trim()} loading={busy === 'return'} onClick={() => act('return', () => api.post(`/tenders/${id}/return`, { reasons: [reason.trim()] }), '已退回')}>
                    退回补正
                  </Button>
                </Space.Compact>
              </Space>
            </Card>
          )}
          {t.status === 'accepted' && (
            <Card size="small" title="发布招标公告" data-testid="announce-card">
              <Space wrap>
                <span>投标截止时间(北京时间):</span>
                <Input type="date" value={deadlineDate} onChange={(e) => setDeadlineDate(e.target.value)} style={{ width: 150 }} data-testid="deadline-date" />
                <Input type="time" step={1} value={deadlineTime} onChange={(e) => setDeadlineTime(e.target.value)} style={{ width: 150 }} data-testid="deadline-time" />
                <Button
                  type="primary"
                  disabled={!deadline}
                  loading={busy === 'announce'}
                  data-testid="announce"
                  onClick={async () => {
                    const ok = await confirmBinding(modal, {
                      title: '确认发布招标公告',
                      amountYuan: t.estimate,
                      amountLabel: '招标估算价',
                      lines: [
                        { label: '项目', value: `${t.name}(${t.code})` },
                        { label: '标段', value: `${t.sections.length} 个` },
                        { label: '投标截止 / 开标(北京时间)', value: time(deadline) },
                      ],
                      warning: '公告发布即固化现行规则版本并对社会公开;此后截止时间只能以澄清修改推后,不能提前。',
                      okText: '发布公告',
                    });
                    if (ok) await act('announce', () => api.post(`/tenders/${id}/announce`, { bidDeadline: deadline }), '已发布招标公告');
                  }}
                >
                  发布公告
                </Button>
              </Space>
              <div className="muted" style={{ marginTop: 8 }}>发布时固化现行规则版本;截止时间须满足规则规定的最短投标准备期。</div>
            </Card>
          )}
          <Space style={{ marginTop: 16 }} wrap>
            {!['submitted', 'returned', 'accepted'].includes(t.status) && <Link to={`/portal/tenders/${id}`}>公开页面</Link>}
            {['accepted', 'bidding', 'opened', 'evaluating'].includes(t.status) && <Link to={`/workspace/centre/calendar?book=${id}`} data-testid="book-room-link">预约场地</Link>}
            {['bidding', 'opened', 'evaluating'].includes(t.status) && <Link to={`/workspace/centre/draws?request=${id}`} data-testid="request-draw-link">申请专家抽取</Link>}
            {['opened', 'evaluating', 'publicity', 'awarded', 'failed'].includes(t.status) && <Link to={`/workspace/centre/tenders/${id}/opening`}>开标控制台</Link>}
            {!['submitted', 'returned', 'accepted'].includes(t.status) && <Link to={`/workspace/centre/tenders/${id}/deposits`}>投标保证金</Link>}
          </Space>
        </div>
      )}
    </Loaded>
  );
}

function TenderTable({ status, onOpen, tick }: { status: string; onOpen: (t: TenderListItem) => void; tick: number }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useLoad(() => api.get<TenderList>('/tenders', { status, page, pageSize }), [status, page, pageSize, tick]);
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Table<TenderListItem>
      rowKey="id"
      scroll={{ x: 980 }}
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: list.data ? '暂无项目' : ' ' }}
      onRow={(t) => ({ onClick: () => onOpen(t), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [10, 20, 50], showTotal: (n) => `共 ${n} 个项目`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
      columns={[
        { title: '项目', width: 260, render: (_, t) => <><a>{t.name}</a><div className="mono muted">{t.code}</div></> },
        { title: '招标人 / 代理', width: 230, render: (_, t) => <>{t.ownerName}<div className="muted">{t.agentName ?? '自行招标'}</div></> },
        { title: '估算价', dataIndex: 'estimate', width: 150, align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
        { title: '标段 / 文件', width: 100, render: (_, t) => <Space size={4}><Tag>{t.sectionCount} 标段</Tag><Tag color={t.documentCount ? 'blue' : 'default'}>{t.documentCount} 文件</Tag></Space> },
        { title: status === 'submitted' ? '登记时间' : status === 'bidding' ? '投标截止' : '最近变更', width: 170, render: (_, t) => time(status === 'submitted' ? t.registeredAt : status === 'bidding' ? t.bidDeadline : t.updatedAt) },
        { title: '状态', dataIndex: 'status', width: 100, render: (s) => <StatusTag map={TENDER_STATUS} value={s} /> },
        { title: '', width: 90, render: (_, t) => <Button size="small" type={['submitted', 'accepted'].includes(t.status) ? 'primary' : 'default'}>{['submitted', 'accepted'].includes(t.status) ? '办理' : '查看'}</Button> },
      ]}
    />
  );
}

/** The centre's desk: registrations to accept, tenders to announce, and the rest by status (GET /tenders). */
export function CentreHome() {
  const [tab, setTab] = useState('submitted');
  const [open, setOpen] = useState<TenderListItem | null>(null);
  const [tick, setTick] = useState(0);
  const counts = useLoad(() => Promise.all(['submitted', 'accepted'].map((s) => api.get<TenderList>('/tenders', { status: s, pageSize: 1 }).then((r) => r.total))), [tick]);
  const hint = TABS.find((x) => x.key === tab)?.hint;
  return (
    <Page title="项目受理与发布" sub="受理进场登记、退回补正、发布招标公告;开标后进入开标控制台">
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={TABS.map((x, i) => ({ key: x.key, label: i < 2 && counts.data ? <Badge count={counts.data[i]} size="small" offset={[10, -2]} color={i === 0 ? '#d9480f' : '#1677ff'}>{x.label}</Badge> : x.label }))}
        />
        <div className="muted" style={{ marginBottom: 12 }}>{hint}</div>
        <TenderTable status={tab} tick={tick} onOpen={setOpen} />
      </Card>
      <Drawer width={drawerWidth(720)} open={!!open} title={open?.name} onClose={() => setOpen(null)} destroyOnClose>
        {open && <TenderDesk id={open.id} onChanged={() => setTick((n) => n + 1)} />}
      </Drawer>
    </Page>
  );
}

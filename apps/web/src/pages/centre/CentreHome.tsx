import { useState } from 'react';
import { App, Alert, Button, Card, DatePicker, Descriptions, Input, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { Tender } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { time, yuan } from '../../format';
import { TENDER_STATUS } from '../../labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Acceptance and announcement of one tender: accept or return with reasons, then publish with a bid deadline. */
function TenderDesk({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const tender = useLoad(() => api.get<Tender>(`/tenders/${id}`), [id]);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setRefusal(null);
    try {
      await fn();
      message.success(done);
      tender.reload();
      onChanged();
    } catch (e) {
      setRefusal(asApiError(e));
    }
  };
  return (
    <Loaded state={tender}>
      {(t) => (
        <Card title={<Space>{t.name}<StatusTag map={TENDER_STATUS} value={t.status} /></Space>} extra={<span className="mono">{t.code}</span>}>
          <Refusal error={refusal} onClose={() => setRefusal(null)} />
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="招标人">{t.ownerName}</Descriptions.Item>
            <Descriptions.Item label="代理">{t.agentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="估算">{yuan(t.estimate)}</Descriptions.Item>
            <Descriptions.Item label="招标文件">{t.documents.length} 份</Descriptions.Item>
            <Descriptions.Item label="投标截止">{time(t.bidDeadline)}</Descriptions.Item>
            {t.returnReasons?.length ? <Descriptions.Item label="退回理由">{t.returnReasons.join(';')}</Descriptions.Item> : null}
          </Descriptions>
          {t.status === 'submitted' && (
            <Space wrap>
              <Button type="primary" onClick={() => act(() => api.post(`/tenders/${id}/accept`), '已受理')}>受理</Button>
              <Input placeholder="退回理由" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 260 }} />
              <Button danger disabled={!reason.trim()} onClick={() => act(() => api.post(`/tenders/${id}/return`, { reasons: [reason.trim()] }), '已退回')}>退回</Button>
            </Space>
          )}
          {t.status === 'accepted' && (
            <Space wrap>
              <span>投标截止时间(北京时间):</span>
              <DatePicker showTime value={deadline} onChange={setDeadline} />
              <Button type="primary" disabled={!deadline} onClick={() => act(() => api.post(`/tenders/${id}/announce`, { bidDeadline: deadline!.toISOString() }), '已发布招标公告')}>发布公告</Button>
            </Space>
          )}
          {!['submitted', 'accepted'].includes(t.status) && <Link to={`/portal/tenders/${id}`}>查看公开页面</Link>}
        </Card>
      )}
    </Loaded>
  );
}

export function CentreHome() {
  const [id, setId] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const published = useLoad(() => api.get<Tender[]>('/public/tenders'), []);
  return (
    <Page title="项目受理与发布" sub="受理项目登记、退回补正、发布招标公告">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="待受理项目列表需要交易中心的项目清单接口(尚未提供):目前按项目登记回执中的项目编号(ID)办理。"
      />
      <Card style={{ marginBottom: 16 }}>
        <Space>
          <Input placeholder="项目 ID(登记回执)" value={id} onChange={(e) => setId(e.target.value.trim())} style={{ width: 380 }} />
          <Button type="primary" disabled={!UUID.test(id)} onClick={() => setOpen(id)}>办理</Button>
        </Space>
      </Card>
      {open && <div style={{ marginBottom: 16 }}><TenderDesk id={open} onChanged={published.reload} /></div>}
      <Card title="已发布的招标项目">
        <Loaded state={published}>
          {(l) => (
            <Table<Tender>
              rowKey="id"
              size="small"
              dataSource={l}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: '项目', render: (_, t) => <a onClick={() => setOpen(t.id)}>{t.name}</a> },
                { title: '编号', dataIndex: 'code', width: 170, render: (c) => <span className="mono">{c}</span> },
                { title: '投标截止', dataIndex: 'bidDeadline', width: 170, render: time },
                { title: '状态', dataIndex: 'status', width: 100, render: (s) => <StatusTag map={TENDER_STATUS} value={s} /> },
                { title: '文件', width: 70, render: (_, t) => <Tag>{t.documents.length}</Tag> },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </Page>
  );
}

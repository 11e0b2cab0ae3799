import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Segmented, Space, Table } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../../api/client';
import { downloadWithToken } from '../../../api/download';
import { Complaint, Paged } from '../../../api/oversight-types';
import { Page } from '../../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../../components/states';
import { ProjectCell } from '../../../components/ProjectCell';
import { StatusTag } from '../../../components/StatusTag';
import { bytes, time } from '../../../format';
import { COMPLAINT_OUTCOME, COMPLAINT_STATUS } from '../../../oversight-labels';
import '../../../oversight.css';

function WithdrawModal({ c, onClose, onDone }: { c: Complaint; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post(`/complaints/${c.id}/withdraw`, v.reason?.trim() ? { reason: v.reason.trim() } : {});
      onDone();
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="撤回投诉" okText="确认撤回" okButtonProps={{ danger: true, loading: busy }} onOk={submit} onCancel={onClose} destroyOnClose>
      <Refusal error={refusal} />
      <p className="muted">撤回后如需再次投诉须重新提出;因本投诉暂停的项目由监督部门决定是否恢复。</p>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="撤回理由(可选)" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Detail({ c, onWithdraw }: { c: Complaint; onWithdraw: () => void }) {
  const { message } = App.useApp();
  return (
    <div style={{ padding: '4px 8px' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="投诉事项与理由" span={2}><div className="timeline-note">{c.grounds}</div></Descriptions.Item>
        <Descriptions.Item label="被投诉人">{c.respondent.name}</Descriptions.Item>
        <Descriptions.Item label="受理期限">{time(c.acceptanceDue)}</Descriptions.Item>
        {c.handling && <Descriptions.Item label={c.handling.result === 'accepted' ? '受理时间' : '不予受理'}>{time(c.handling.at)}</Descriptions.Item>}
        {c.handling?.note && <Descriptions.Item label={c.handling.result === 'accepted' ? '受理意见' : '理由'}>{c.handling.note}</Descriptions.Item>}
        {c.decisionDue && <Descriptions.Item label="处理期限">{time(c.decisionDue)}</Descriptions.Item>}
        {c.decision && (
          <Descriptions.Item label="处理决定" span={2}>
            <StatusTag map={COMPLAINT_OUTCOME} value={c.decision.outcome} /> <span className="muted">{time(c.decision.at)}</span>
            <div className="timeline-note" style={{ marginTop: 6 }}>{c.decision.text}</div>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="证明材料" span={2}>
          <Space wrap>
            {c.evidence.map((e) => (
              <Button key={e.id} size="small" icon={<DownloadOutlined />} onClick={() => downloadWithToken(`/complaints/${c.id}/evidence/${e.id}`, e.fileName).catch((err) => message.error(asApiError(err).zh))}>
                {e.fileName}({bytes(e.size)})
              </Button>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {c.allowed.includes('withdraw') && (
        <Button danger style={{ marginTop: 12 }} onClick={onWithdraw}>
          撤回投诉
        </Button>
      )}
    </div>
  );
}

/** 我的投诉: the bidder's organisation's complaints (GET /complaints/mine), their progress and decisions. */
export function MyComplaints() {
  const { message } = App.useApp();
  const [status, setStatus] = useState('all');
  const [page, setPage] = useState(1);
  const [withdrawing, setWithdrawing] = useState<Complaint | null>(null);
  const list = useLoad(() => api.get<Paged<Complaint>>('/complaints/mine', { status: status === 'all' ? undefined : status, page, pageSize: 10 }), [status, page]);
  return (
    <Page
      title="我的投诉"
      sub="对已提出异议但未获答复或对答复不满意的事项,可向行政监督部门投诉(招标投标法实施条例第六十条)"
      extra={
        <Link to="/workspace/bidder/complaints/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="complaint-new">
            提出投诉
          </Button>
        </Link>
      }
    >
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => (setStatus(String(v)), setPage(1))}
        options={[{ value: 'all', label: '全部' }, ...Object.entries(COMPLAINT_STATUS).map(([value, s]) => ({ value, label: s.text }))]}
      />
      <Loaded state={list} rows={6}>
        {(d) => (
          <Card>
            <Table<Complaint>
              rowKey="id"
              dataSource={d.items}
              data-testid="my-complaints"
              locale={{ emptyText: '本单位尚未提出投诉' }}
              expandable={{ expandedRowRender: (c) => <Detail c={c} onWithdraw={() => setWithdrawing(c)} /> }}
              pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 件` }}
              columns={[
                { title: '提出时间', dataIndex: 'filedAt', width: 170, render: time },
                { title: '项目', render: (_, c) => <ProjectCell project={c.project} /> },
                { title: '状态', width: 200, render: (_, c) => <Space size={4}><StatusTag map={COMPLAINT_STATUS} value={c.status} />{c.decision && <StatusTag map={COMPLAINT_OUTCOME} value={c.decision.outcome} />}</Space> },
                { title: '证明材料', width: 100, render: (_, c) => `${c.evidence.length} 份` },
              ]}
            />
          </Card>
        )}
      </Loaded>
      {withdrawing && (
        <WithdrawModal
          c={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            message.success('投诉已撤回');
            setWithdrawing(null);
            list.reload();
          }}
        />
      )}
    </Page>
  );
}

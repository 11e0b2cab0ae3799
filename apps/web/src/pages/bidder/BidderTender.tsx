import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Steps, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { CheckCircleTwoTone, DownloadOutlined, LockOutlined, UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, session } from '../../api/client';
import { BidReceipt, Deposit, Tender } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { asApiError, ErrorState, Loading, Refusal, useLoad } from '../../components/states';
import { typedMoneyRule } from '../../components/actions';
import { confirmBinding } from '../../components/BindingConfirm';
import { typedYuan } from '../../money-words';
import { BidderObjections } from './BidderObjections';
import { StatusTag } from '../../components/StatusTag';
import { bytes, shortHash, time, yuan } from '../../format';
import { DEPOSIT_STATUS, TENDER_STATUS } from '../../labels';

async function download(path: string, name: string) {
  const res = await fetch(path, { headers: { authorization: `Bearer ${session.token()}` } });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(res.status, body ?? { code: `HTTP_${res.status}`, status: res.status, message: { zh: '下载失败', en: 'download failed' } });
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

function saveReceipt(t: Tender, r: BidReceipt) {
  const text = [
    '阳光交易 公共资源交易平台 · 投标文件递交回执',
    `项目:${t.code} ${t.name}`,
    `标段:第 ${r.sectionNo} 标段`,
    `回执编号:${r.receiptNo}`,
    r.receivedAt ? `接收完成时间(北京时间,服务器时间,据此判断是否截止):${time(r.receivedAt)}` : '',
    `递交时间(北京时间,服务器时间):${time(r.submittedAt)}`,
    `文件大小:${r.documentsSize} 字节`,
    `投标文件摘要 SHA-256:${r.bidDigest}`,
    r.replaces ? `替换此前回执:${r.replaces}` : '',
    '报价与文件加密保存,开标前任何人不可查看;开标时以此摘要核对文件完整性。',
  ].filter(Boolean).join('\n');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  a.download = `投标回执-${r.receiptNo}.txt`;
  a.click();
}

function Receipt({ t, r }: { t: Tender; r: BidReceipt }) {
  return (
    <div className="receipt" data-testid="receipt">
      <Space align="start" size={12}>
        <CheckCircleTwoTone twoToneColor="#2f9e44" style={{ fontSize: 28 }} />
        <div style={{ flex: 1 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            投标文件已加密递交,请妥善保存回执
          </Typography.Title>
          <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
            <Descriptions.Item label="回执编号"><span className="mono" data-testid="receipt-no">{r.receiptNo}</span></Descriptions.Item>
            {r.receivedAt && <Descriptions.Item label="接收完成"><span data-testid="receipt-received">{time(r.receivedAt)}</span>(服务器完整收到的时间,据此判断是否截止)</Descriptions.Item>}
            <Descriptions.Item label="递交时间"><span data-testid="receipt-time">{time(r.submittedAt)}</span>(北京时间,以服务器时间为准)</Descriptions.Item>
            <Descriptions.Item label="SHA-256"><span className="mono" data-testid="receipt-sha256">{r.bidDigest}</span></Descriptions.Item>
            <Descriptions.Item label="文件大小">{bytes(r.documentsSize)}</Descriptions.Item>
            {r.replaces && <Descriptions.Item label="替换回执"><span className="mono">{r.replaces}</span></Descriptions.Item>}
          </Descriptions>
          <Button icon={<DownloadOutlined />} onClick={() => saveReceipt(t, r)}>
            下载回执
          </Button>
        </div>
      </Space>
    </div>
  );
}

/** One tender from the bidder's side: register, deposit, sealed bid with its receipt. */
export function BidderTender() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const tender = useLoad(() => api.get<Tender>(`/public/tenders/${id}`), [id]);
  const receipts = useLoad(() => api.get<BidReceipt[]>(`/tenders/${id}/bids/mine`).catch(() => [] as BidReceipt[]), [id]);
  const deposits = useLoad(() => api.get<Deposit[]>(`/tenders/${id}/deposits`).catch(() => [] as Deposit[]), [id]);
  const [registered, setRegistered] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<BidReceipt | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [bidForm] = Form.useForm();
  const [depositForm] = Form.useForm();

  if (tender.error) return <ErrorState error={tender.error} onRetry={tender.reload} />;
  if (!tender.data) return <Loading rows={8} />;
  const t = tender.data;
  const isRegistered = registered || (receipts.data?.length ?? 0) > 0 || (deposits.data?.length ?? 0) > 0;

  const act = async (key: string, fn: () => Promise<void>) => {
    setBusy(key);
    setRefusal(null);
    try {
      await fn();
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const register = () =>
    act('register', async () => {
      await api.post(`/tenders/${id}/registrations`);
      setRegistered(true);
      message.success('报名成功,可下载招标文件');
    });

  const declare = (v: { section: number; method: string; reference: string; payerAccount?: string; amount: string }) =>
    act('deposit', async () => {
      await api.post(`/tenders/${id}/sections/${v.section}/deposits`, { method: v.method, reference: v.reference.trim(), amount: typedYuan(v.amount)!, ...(v.payerAccount ? { payerAccount: v.payerAccount.trim() } : {}) });
      message.success('保证金已申报,待交易中心确认到账');
      depositForm.resetFields(['reference', 'payerAccount']);
      deposits.reload();
    });

  // 加密递交 binds the bidder to its price: the amount in figures and in 大写, the section and the files, then 确认.
  const submitBid = async (v: { section: number; price: string }) => {
    const price = typedYuan(v.price)!;
    const section = t.sections.find((x) => x.no === v.section);
    const ok = await confirmBinding(modal, {
      title: '确认加密递交投标文件',
      amountYuan: price,
      amountLabel: '投标报价',
      lines: [
        { label: '项目', value: `${t.code} ${t.name}` },
        { label: '标段', value: section ? `第 ${section.no} 标段 · ${section.name}` : `第 ${v.section} 标段` },
        { label: '投标文件', value: files.map((f) => f.name).join('、') },
      ],
      warning: '报价与文件加密保存,开标前任何人不可查看;截止前可重新递交,以最后一次递交为准。',
      okText: '确认递交',
    });
    if (!ok) return;
    await act('bid', async () => {
      const form = new FormData();
      form.append('price', price);
      for (const f of files) if (f.originFileObj) form.append('documents', f.originFileObj, f.name);
      const r = await api.form<BidReceipt>(`/tenders/${id}/sections/${v.section}/bids`, form);
      setReceipt(r);
      setFiles([]);
      bidForm.resetFields(['price']);
      receipts.reload();
    });
  };

  const open = t.status === 'bidding';
  const sectionOptions = t.sections.map((s) => ({ value: s.no, label: `第 ${s.no} 标段 · ${s.name}` }));
  // after the deadline the tender's own state says where it is
  const later: Record<string, number> = { opened: 3, failed: 3, evaluating: 4, publicity: 4, awarded: 5 };
  const step = later[t.status] ?? (receipts.data?.length ? 3 : deposits.data?.length ? 2 : isRegistered ? 1 : 0);

  return (
    <Page
      title={t.name}
      sub={<Breadcrumb items={[{ title: <Link to="/workspace/bidder">我的投标</Link> }, { title: t.code }]} />}
      extra={
        <>
          <StatusTag map={TENDER_STATUS} value={t.status} />
          <span className="muted">投标截止 {time(t.bidDeadline)}</span>
        </>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          status={t.status === 'failed' ? 'error' : undefined}
          items={[{ title: '报名获取文件' }, { title: '缴纳保证金' }, { title: '加密递交投标文件' }, { title: t.status === 'failed' ? '流标' : '开标' }, { title: '评标与公示' }, { title: '定标' }]}
        />
      </Card>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="报名与招标文件" style={{ marginBottom: 16 }}>
            {!isRegistered ? (
              <Button type="primary" onClick={register} loading={busy === 'register'} disabled={!open} data-testid="register">
                报名并获取招标文件
              </Button>
            ) : (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={t.documents}
                columns={[
                  { title: '文件', dataIndex: 'fileName' },
                  { title: '大小', dataIndex: 'size', width: 90, render: bytes },
                  { title: 'SHA-256', dataIndex: 'sha256', width: 150, render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h)}</span></Tooltip> },
                  { title: '', width: 70, render: (_, d) => <Button size="small" icon={<DownloadOutlined />} onClick={() => act('dl', () => download(`/tenders/${id}/documents/${d.id}`, d.fileName))} /> },
                ]}
              />
            )}
          </Card>
          <Card title="投标保证金">
            <Form form={depositForm} layout="vertical" onFinish={declare} initialValues={{ section: t.sections[0]?.no, method: 'transfer', amount: t.sections[0]?.deposit }} disabled={!open || !isRegistered}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="section" label="标段" rules={[{ required: true }]}>
                    <Select options={sectionOptions} onChange={(no) => depositForm.setFieldValue('amount', t.sections.find((s) => s.no === no)?.deposit)} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="method" label="方式">
                    <Select options={[{ value: 'transfer', label: '银行转账' }, { value: 'guarantee', label: '电子保函' }]} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="reference" label="流水号 / 保函编号" rules={[{ required: true, message: '请填写流水号或保函编号' }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="amount" label="金额(元)" rules={[{ required: true, message: '请填写金额' }, typedMoneyRule]}>
                    <Input data-testid="deposit-amount" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="payerAccount" label="付款账号(转账时)">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Button htmlType="submit" loading={busy === 'deposit'}>
                申报保证金
              </Button>
            </Form>
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={deposits.data ?? []}
              locale={{ emptyText: '尚未申报' }}
              columns={[
                { title: '标段', dataIndex: 'sectionNo', width: 60 },
                { title: '金额', dataIndex: 'amount', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
                { title: '编号', dataIndex: 'reference' },
                { title: '状态', dataIndex: 'status', render: (s) => <Tag color={s === 'confirmed' ? 'success' : 'default'}>{DEPOSIT_STATUS[s] ?? s}</Tag> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<><LockOutlined /> 加密递交投标文件</>} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">报价与文件在服务器加密保存(AES-256-GCM),开标前任何人(包括交易中心)无法查看。截止前可重新递交,以最后一次为准。</Typography.Paragraph>
            <Form form={bidForm} layout="vertical" onFinish={submitBid} initialValues={{ section: t.sections[0]?.no }} disabled={!open || !isRegistered}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="section" label="标段" rules={[{ required: true }]}>
                    <Select options={sectionOptions} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="price" label="投标报价(元)" rules={[{ required: true, message: '请填写投标报价' }, typedMoneyRule]}>
                    <Input data-testid="bid-price" placeholder="如 85,000,000.00" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="投标文件(PDF 等)" required>
                <Upload beforeUpload={() => false} fileList={files} onChange={({ fileList }) => setFiles(fileList)} multiple>
                  <Button icon={<UploadOutlined />} data-testid="bid-file-button">选择文件</Button>
                </Upload>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy === 'bid'} disabled={!files.length} data-testid="bid-submit">
                加密递交
              </Button>
            </Form>
          </Card>
          {receipt && <Receipt t={t} r={receipt} />}
          <div style={{ marginTop: 16 }}>
            <BidderObjections t={t} registered={isRegistered} bidSections={[...new Set((receipts.data ?? []).filter((x) => x.status === 'submitted').map((x) => x.sectionNo))]} />
          </div>
          <Card title="我的递交回执" style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="receiptNo"
              pagination={false}
              dataSource={receipts.data ?? []}
              locale={{ emptyText: '尚未递交' }}
              columns={[
                { title: '标段', dataIndex: 'sectionNo', width: 60 },
                { title: '递交时间', dataIndex: 'submittedAt', width: 170, render: time },
                { title: 'SHA-256', dataIndex: 'bidDigest', render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 20)}</span></Tooltip> },
                { title: '状态', dataIndex: 'status', width: 90, render: (s) => ({ submitted: '有效', replaced: '已替换', withdrawn: '已撤回' })[s as string] ?? s },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}

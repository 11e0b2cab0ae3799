import { useState } from 'react';
import { Button, Card, Col, Divider, Drawer, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { Tender } from '../../api/types';
import { TenderList, TenderListItem } from '../../api/workspace-types';
import { useAuth } from '../../auth';
import { Page } from '../../components/AppLayout';
import { typedMoneyRule, useAction } from '../../components/actions';
import { typedYuan } from '../../money-words';
import { ErrorState, Refusal, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { time, yuan } from '../../format';
import { EVALUATION_METHOD, TENDER_KIND, TENDER_STATUS } from '../../labels';

/** GB 32100: 18 characters; the server checks the check characters. */
const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

interface RegisterForm {
  name: string;
  kind: string;
  region: string;
  qualification: string;
  evaluationMethod: string;
  /** the commissioning owner's unified social credit code, looked up to its organisation */
  ownerUscc?: string;
  ruleSet: 'standard' | 'sandbox';
  sections: { name: string; estimate: string; deposit: string }[];
}

/** 进场登记: the owner for itself, or an agent for the owner that commissioned it. */
function RegisterTender({ onDone }: { onDone: (t: Tender) => void }) {
  const { has } = useAuth();
  const agentOnly = has('agent') && !has('owner');
  const [form] = Form.useForm<RegisterForm>();
  const { busy, refusal, setRefusal, run } = useAction();
  const submit = async (v: RegisterForm) => {
    const { ownerUscc, ...fields } = v;
    const body = { ...fields, name: v.name.trim(), qualification: v.qualification.trim(), sections: v.sections.map((s) => ({ name: s.name.trim(), estimate: typedYuan(s.estimate)!, deposit: typedYuan(s.deposit)! })) };
    const t = await run(
      'register',
      async () => {
        const uscc = ownerUscc?.trim().toUpperCase();
        const owner = uscc ? await api.get<{ id: string }>(`/public/organisations/${encodeURIComponent(uscc)}`) : undefined;
        return api.post<Tender>('/tenders', { ...body, ownerOrganisationId: owner?.id });
      },
      '进场登记已提交,等待交易中心受理',
    );
    if (t) onDone(t);
  };
  return (
    <Form<RegisterForm>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: 'construction', evaluationMethod: 'comprehensive', ruleSet: 'standard', region: '350102', sections: [{ name: '一标段', estimate: '', deposit: '' }] }}
    >
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form.Item name="name" label="项目名称" rules={[{ required: true, min: 2, max: 200, message: '请填写 2–200 字的项目名称' }]}>
        <Input placeholder="如:市第一人民医院新院区建设工程" data-testid="reg-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="kind" label="项目类型" rules={[{ required: true }]}>
            <Select options={Object.entries(TENDER_KIND).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="evaluationMethod" label="评标办法" rules={[{ required: true }]}>
            <Select options={Object.entries(EVALUATION_METHOD).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="region" label="行政区划代码" rules={[{ required: true, pattern: /^\d{6}$/, message: '6 位行政区划代码' }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="qualification" label="资格条件" rules={[{ required: true, message: '请填写投标人资格条件' }]}>
        <Input.TextArea rows={2} placeholder="如:建筑工程施工总承包一级及以上资质" data-testid="reg-qualification" />
      </Form.Item>
      {has('agent') && (
        <Form.Item
          name="ownerUscc"
          label="委托单位(招标人)统一社会信用代码"
          extra="代理机构登记时填写委托招标人的统一社会信用代码;招标人自行登记时留空。"
          rules={[{ required: agentOnly, message: '请填写委托单位的统一社会信用代码' }, { pattern: USCC, message: '统一社会信用代码为 18 位数字或大写字母' }]}
        >
          <Input className="mono" data-testid="reg-owner" />
        </Form.Item>
      )}
      <Divider orientation="left" plain>标段(保证金不超过估算价的规定比例)</Divider>
      <Form.List name="sections">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row gutter={8} key={f.key} align="top">
                <Col span={9}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '标段名称' }]}>
                    <Input placeholder={`第 ${i + 1} 标段名称`} data-testid={`reg-section-name-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[f.name, 'estimate']} rules={[{ required: true, message: '估算价' }, typedMoneyRule]}>
                    <Input addonAfter="元" placeholder="估算价" data-testid={`reg-section-estimate-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[f.name, 'deposit']} rules={[{ required: true, message: '保证金' }, typedMoneyRule]}>
                    <Input addonAfter="元" placeholder="投标保证金" data-testid={`reg-section-deposit-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={1}>{fields.length > 1 && <MinusCircleOutlined style={{ marginTop: 9, color: '#868e96' }} onClick={() => remove(f.name)} />}</Col>
              </Row>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: `${fields.length + 1 === 2 ? '二' : fields.length + 1}标段`, estimate: '', deposit: '' })} style={{ marginBottom: 16 }}>
              增加标段
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="ruleSet" label="适用规则">
        <Select options={[{ value: 'standard', label: '现行正式规则' }, { value: 'sandbox', label: '沙箱规则(演示,以秒计)' }]} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy === 'register'} data-testid="reg-submit">
        提交进场登记
      </Button>
    </Form>
  );
}

/** The owner's and the agent's tenders (GET /tenders returns their own), and the way to register a new one. */
export function OwnerHome() {
  const navigate = useNavigate();
  const [registering, setRegistering] = useState(false);
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string>('');
  const list = useLoad(() => api.get<TenderList>('/tenders', { page, pageSize: 10, status }), [page, status]);
  return (
    <Page
      title="项目单位工作台"
      sub="进场登记、招标文件、澄清答复、候选人公示、定标与合同"
      extra={
        <Space>
          <Link to="/workspace/owner/mall"><Button icon={<ShoppingCartOutlined />}>电子卖场采购</Button></Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="new-tender">
            登记招标项目
          </Button>
        </Space>
      }
    >
      <Card
        title="我的招标项目"
        extra={<Select value={status} onChange={(v) => (setStatus(v), setPage(1))} style={{ width: 150 }} options={[{ value: '', label: '全部状态' }, ...Object.entries(TENDER_STATUS).map(([value, s]) => ({ value, label: s.text }))]} />}
      >
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<TenderListItem>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: list.data ? '还没有招标项目,点击右上角“登记招标项目”开始' : ' ' }}
            pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 个项目` }}
            columns={[
              { title: '项目', render: (_, t) => <><Link to={`/workspace/owner/tenders/${t.id}`}>{t.name}</Link><div className="mono muted">{t.code}</div></> },
              { title: '招标人 / 代理', width: 220, render: (_, t) => <>{t.ownerName}<div className="muted">{t.agentName ?? '自行招标'}</div></> },
              { title: '估算价', dataIndex: 'estimate', width: 150, align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
              { title: '文件', width: 80, render: (_, t) => <Tag color={t.documentCount ? 'blue' : 'default'}>{t.documentCount} 份</Tag> },
              { title: '投标截止', dataIndex: 'bidDeadline', width: 170, render: time },
              { title: '状态', dataIndex: 'status', width: 110, render: (s, t) => <><StatusTag map={TENDER_STATUS} value={s} />{t.returnReasons?.length ? <div className="muted" style={{ fontSize: 12 }}>{t.returnReasons[0]}</div> : null}</> },
            ]}
          />
        )}
      </Card>
      <Drawer width={640} title="登记招标项目(进场登记)" open={registering} onClose={() => setRegistering(false)} destroyOnClose>
        <RegisterTender onDone={(t) => (setRegistering(false), navigate(`/workspace/owner/tenders/${t.id}`))} />
      </Drawer>
    </Page>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, List, Progress, Row, Typography } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { PublicCredit } from '../../api/oversight-types';
import { Page } from '../../components/AppLayout';
import { asApiError, Loading } from '../../components/states';
import { normaliseUscc, scoreColour, usccShapeProblem } from '../../credit-lookup';
import { InfoTabs } from './InfoTabs';

type Outcome = { kind: 'found'; credit: PublicCredit } | { kind: 'refused'; text: string } | null;

/** The API's answer in words: an unknown code is not an error of the page but a fact about the code. */
async function lookUp(uscc: string): Promise<Outcome> {
  try {
    return { kind: 'found', credit: await api.get<PublicCredit>(`/public/credit/${uscc}`) };
  } catch (e) {
    const err = asApiError(e);
    if (err.status === 404) return { kind: 'refused', text: `未查到统一社会信用代码为 ${uscc} 的单位,请核对代码后重新查询` };
    if (err.status === 400) return { kind: 'refused', text: '统一社会信用代码格式不正确,请核对后重新输入' };
    return { kind: 'refused', text: `${err.zh}(错误代码 ${err.code})` };
  }
}

interface Hit {
  name: string;
  uscc: string;
  score: number;
}

/**
 * 按单位名称: a part of the name (2–50 characters) → the organisations already public whose name contains it
 * (GET /public/credit?q=, rate-limited per address); picking one shows its score as the code lookup does.
 */
function NameSearch({ name, onPick }: { name: string; onPick: (uscc: string) => void }) {
  const [, setParams] = useSearchParams();
  const [form] = Form.useForm<{ name: string }>();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<{ busy: boolean; hits?: { items: Hit[]; total: number; page: number; pageSize: number }; refusal?: string }>({ busy: false });
  useEffect(() => {
    form.setFieldsValue({ name });
    if (name.length < 2) return setState({ busy: false });
    let live = true;
    setState((x) => ({ ...x, busy: true }));
    api.get<{ items: Hit[]; total: number; page: number; pageSize: number }>('/public/credit', { q: name, page, pageSize: 10 }).then(
      (hits) => live && setState({ busy: false, hits }),
      (e) => live && setState({ busy: false, refusal: `${asApiError(e).zh}(错误代码 ${asApiError(e).code})` }),
    );
    return () => {
      live = false;
    };
  }, [name, page, form]);
  return (
    <Card size="small" title="按单位名称查询" style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" onFinish={(v) => (setPage(1), setParams({ name: (v.name ?? '').trim() }))} style={{ rowGap: 8 }}>
        <Form.Item name="name" rules={[{ validator: (_, v: string) => ((v ?? '').trim().length >= 2 && (v ?? '').trim().length <= 50 ? Promise.resolve() : Promise.reject(new Error('请输入单位名称中的 2–50 个字'))) }]}>
          <Input placeholder="单位名称的一部分,如 建设集团" allowClear maxLength={50} style={{ width: 300, maxWidth: '100%' }} data-testid="credit-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={state.busy} data-testid="credit-name-search">
          检索
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        只列出平台已公开的单位:已发布项目的项目单位与代理机构、采购人、中标人、竞得人、受让方、成交供应商、已开标项目的投标人,以及被公开处罚或投诉成立的单位。
      </Typography.Paragraph>
      {state.refusal && <Alert type="warning" showIcon message={state.refusal} style={{ marginTop: 12 }} data-testid="credit-name-refusal" />}
      {state.hits && (
        <List
          style={{ marginTop: 12 }}
          data-testid="credit-hits"
          dataSource={state.hits.items}
          locale={{ emptyText: `没有名称含“${name}”的已公开单位` }}
          pagination={state.hits.total > state.hits.pageSize ? { current: state.hits.page, pageSize: state.hits.pageSize, total: state.hits.total, onChange: setPage, size: 'small' } : false}
          renderItem={(h) => (
            <List.Item actions={[<Button key="v" size="small" onClick={() => onPick(h.uscc)}>查看信用分</Button>]} data-testid="credit-hit">
              <List.Item.Meta title={h.name} description={<span className="mono">{h.uscc}</span>} />
              <b style={{ color: scoreColour(h.score) }}>{h.score} 分</b>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 信用查询: anyone looks up an organisation's credit score by name (public organisations) or by USCC (GET /public/credit/:uscc). */
export function CreditLookupPage() {
  const [params, setParams] = useSearchParams();
  const uscc = params.get('uscc') ?? '';
  const name = params.get('name') ?? '';
  const [form] = Form.useForm<{ uscc: string }>();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ uscc });
    if (!uscc) return setOutcome(null);
    const problem = usccShapeProblem(uscc);
    if (problem) return setOutcome({ kind: 'refused', text: problem });
    let live = true;
    setBusy(true);
    lookUp(uscc).then((o) => live && (setOutcome(o), setBusy(false)));
    return () => {
      live = false;
    };
  }, [uscc, form]);

  const submit = ({ uscc: typed }: { uscc: string }) => setParams({ ...(name ? { name } : {}), uscc: normaliseUscc(typed ?? '') });

  return (
    <Page title="信息公开" sub="按单位名称或统一社会信用代码查询市场主体的公共资源交易信用分(信用信息公开)">
      <InfoTabs />
      <NameSearch name={name} onPick={(code) => setParams({ ...(name ? { name } : {}), uscc: code })} />
      <Card size="small" title="按统一社会信用代码查询" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
          <Form.Item
            name="uscc"
            normalize={(v: string) => v?.toUpperCase()}
            rules={[{ validator: (_, v: string) => { const p = usccShapeProblem(normaliseUscc(v ?? '')); return p ? Promise.reject(new Error(p)) : Promise.resolve(); } }]}
          >
            <Input placeholder="18 位,如 91350100M000100Y43" allowClear maxLength={24} style={{ width: 300, maxWidth: '100%' }} className="mono" data-testid="credit-uscc" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={busy} data-testid="credit-lookup">
            查询
          </Button>
        </Form>
      </Card>
      {busy ? (
        <Loading rows={4} />
      ) : outcome?.kind === 'refused' ? (
        <Alert type="warning" showIcon message={outcome.text} data-testid="credit-refusal" />
      ) : outcome?.kind === 'found' ? (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Card style={{ textAlign: 'center', height: '100%' }}>
              <Progress
                type="dashboard"
                percent={outcome.credit.score}
                size={160}
                strokeColor={scoreColour(outcome.credit.score)}
                format={(p) => <span style={{ color: scoreColour(outcome.credit.score) }} data-testid="public-credit-score">{p}</span>}
              />
              <div className="muted">信用分(满分 100)</div>
            </Card>
          </Col>
          <Col xs={24} md={16}>
            <Card title={outcome.credit.name} style={{ height: '100%' }} data-testid="credit-result">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="单位名称">{outcome.credit.name}</Descriptions.Item>
                <Descriptions.Item label="统一社会信用代码"><span className="mono">{outcome.credit.uscc}</span></Descriptions.Item>
                <Descriptions.Item label="信用分"><b style={{ color: scoreColour(outcome.credit.score) }}>{outcome.credit.score}</b> / 100</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                信用分以 100 分为基准,按红黄牌、投诉处理决定认定的违法行为、行政处罚和电子卖场履约评价增减;本页只公开分值,记录明细由监督部门和单位本身查阅。
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      ) : (
        <Card>
          <Typography.Text type="secondary">按单位名称检索后选择单位,或输入 18 位统一社会信用代码查询。</Typography.Text>
        </Card>
      )}
    </Page>
  );
}

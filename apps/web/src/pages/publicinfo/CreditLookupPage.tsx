import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Progress, Row, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
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

/** 信用查询: anyone looks up an organisation's credit score by its USCC (GET /public/credit/:uscc). */
export function CreditLookupPage() {
  const [params, setParams] = useSearchParams();
  const uscc = params.get('uscc') ?? '';
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

  const submit = ({ uscc: typed }: { uscc: string }) => setParams({ uscc: normaliseUscc(typed ?? '') });

  return (
    <Page title="信息公开" sub="按统一社会信用代码查询市场主体的公共资源交易信用分(信用信息公开)">
      <InfoTabs />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={submit}>
          <Form.Item
            name="uscc"
            label="统一社会信用代码"
            normalize={(v: string) => v?.toUpperCase()}
            rules={[{ validator: (_, v: string) => { const p = usccShapeProblem(normaliseUscc(v ?? '')); return p ? Promise.reject(new Error(p)) : Promise.resolve(); } }]}
          >
            <Input placeholder="18 位,如 91350100M000100Y43" allowClear maxLength={24} style={{ width: 300 }} className="mono" data-testid="credit-uscc" />
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
          <Col span={8}>
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
          <Col span={16}>
            <Card title={outcome.credit.name} style={{ height: '100%' }}>
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
          <Typography.Text type="secondary">请输入 18 位统一社会信用代码查询。</Typography.Text>
        </Card>
      )}
    </Page>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api, Domain } from '../../api/client';
import { RuleSet } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { moneyRule, useAction } from '../../components/actions';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { DOMAIN_LABEL, time } from '../../format';
import { labelOf, PERIOD_UNIT, showParam } from '../../rule-labels';
import { ParamName } from '../../components/ParamName';

const UNITS = Object.entries(PERIOD_UNIT).map(([value, label]) => ({ value, label }));

type Params = RuleSet['params'];
type Kind = keyof Params;
interface Row {
  key: string;
  kind: Kind;
  name: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what differs from the draft as stored goes into the PATCH (the API keeps the rest). */
function changesOf(stored: Params, edited: Params): Partial<Record<Kind, Record<string, unknown>>> {
  const out: Partial<Record<Kind, Record<string, unknown>>> = {};
  for (const kind of ['periods', 'numbers', 'fractions', 'amounts'] as Kind[]) {
    for (const [k, v] of Object.entries(edited[kind] ?? {})) {
      if (!same(v, (stored[kind] as Record<string, unknown>)?.[k])) (out[kind] ??= {})[k] = v;
    }
  }
  return out;
}

function Editor({ draft, active, onChanged }: { draft: RuleSet; active: RuleSet | undefined; onChanged: () => void }) {
  const [params, setParams] = useState<Params>(draft.params);
  const [name, setName] = useState(draft.name);
  const { busy, refusal, setRefusal, run } = useAction();
  useEffect(() => {
    setParams(draft.params);
    setName(draft.name);
  }, [draft]);
  const rows: Row[] = useMemo(() => (['periods', 'numbers', 'fractions', 'amounts'] as Kind[]).flatMap((kind) => Object.keys(draft.params[kind] ?? {}).map((n) => ({ key: `${kind}.${n}`, kind, name: n }))), [draft]);
  const changes = changesOf(draft.params, params);
  const dirty = Object.keys(changes).length > 0 || name.trim() !== draft.name;
  const set = (kind: Kind, n: string, v: unknown) => setParams((p) => ({ ...p, [kind]: { ...(p[kind] as object), [n]: v } }));
  const baseline = (r: Row) => (active?.params[r.kind] as Record<string, unknown> | undefined)?.[r.name];

  const save = () => run('save', () => api.patch<RuleSet>(`/rule-sets/${draft.id}`, { ...(name.trim() !== draft.name ? { name: name.trim() } : {}), ...(Object.keys(changes).length ? { changes } : {}) }), '草稿已保存').then((r) => r && onChanged());
  const publish = () => run('publish', () => api.post<RuleSet>(`/rule-sets/${draft.id}/publish`), `第 ${draft.version} 版已发布生效`).then((r) => r && onChanged());

  return (
    <Card
      title={<Space>第 {draft.version} 版草稿{draft.isSandbox && <Tag color="purple">沙箱</Tag>}<span className="muted" style={{ fontWeight: 400 }}>起草于 {time(draft.createdAt)}</span></Space>}
      extra={
        <Space>
          <Button disabled={!dirty} loading={busy === 'save'} onClick={save} data-testid="draft-save">保存草稿</Button>
          <Popconfirm title="发布后立即生效,原现行版本废止;已发布的版本不可再修改。" okText="发布" cancelText="取消" onConfirm={publish} disabled={dirty}>
            <Button type="primary" disabled={dirty} loading={busy === 'publish'} data-testid="draft-publish">发布生效</Button>
          </Popconfirm>
        </Space>
      }
    >
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      {dirty && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="有未保存的修改:保存后方可发布。" />}
      <Form.Item label="版本名称" style={{ marginBottom: 12 }}>
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </Form.Item>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (!same((params[r.kind] as Record<string, unknown>)[r.name], baseline(r)) ? 'rule-changed' : '')}
        columns={[
          { title: '参数', dataIndex: 'key', render: (k: string) => <ParamName field={k} label={labelOf(draft.labels, k)} /> },
          { title: '现行值', width: 150, render: (_, r) => <span className="muted">{showParam(baseline(r), r.kind)}</span> },
          {
            title: '草稿值',
            width: 280,
            render: (_, r) => {
              const v = (params[r.kind] as Record<string, unknown>)[r.name];
              if (r.kind === 'periods') {
                const p = v as { value: number; unit: string };
                return (
                  <Space.Compact>
                    <InputNumber min={0} precision={0} value={p.value} onChange={(x) => set('periods', r.name, { ...p, value: x ?? 0 })} style={{ width: 110 }} data-testid={`param-${r.key}`} />
                    <Select value={p.unit} options={UNITS} onChange={(u) => set('periods', r.name, { ...p, unit: u })} style={{ width: 100 }} />
                  </Space.Compact>
                );
              }
              if (r.kind === 'numbers') return <InputNumber precision={0} value={v as number} onChange={(x) => set('numbers', r.name, x ?? 0)} style={{ width: 160 }} data-testid={`param-${r.key}`} />;
              if (r.kind === 'fractions') {
                const f = v as { numerator: number; denominator: number };
                return (
                  <Space>
                    <InputNumber min={0} precision={0} value={f.numerator} onChange={(x) => set('fractions', r.name, { ...f, numerator: x ?? 0 })} style={{ width: 80 }} />/
                    <InputNumber min={1} precision={0} value={f.denominator} onChange={(x) => set('fractions', r.name, { ...f, denominator: x ?? 1 })} style={{ width: 80 }} />
                  </Space>
                );
              }
              const bad = !moneyRule.pattern.test(String(v));
              return <Input value={String(v)} status={bad ? 'error' : undefined} addonAfter="元" onChange={(e) => set('amounts', r.name, e.target.value.trim())} style={{ width: 220 }} />;
            },
          },
        ]}
      />
    </Card>
  );
}

function DomainDrafts({ domain }: { domain: Domain }) {
  const sets = useLoad(() => api.get<{ items: RuleSet[] }>('/rule-sets', { domain }).then((r) => r.items), [domain]);
  const [selected, setSelected] = useState<string>();
  const [sandbox, setSandbox] = useState(false);
  const [name, setName] = useState('');
  const { busy, refusal, setRefusal, run } = useAction();
  const create = () =>
    run('create', () => api.post<RuleSet>('/rule-sets', { domain, name: name.trim(), ...(sandbox ? { sandbox: true } : {}) }), '已以现行版本为基础起草新版本').then((d) => {
      if (d) {
        setName('');
        setSelected(d.id);
        sets.reload();
      }
    });
  return (
    <Loaded state={sets}>
      {(all) => {
        const drafts = all.filter((s) => s.status === 'draft');
        const draft = drafts.find((d) => d.id === selected) ?? drafts[0];
        const active = all.find((s) => s.status === 'active' && s.isSandbox === (draft?.isSandbox ?? sandbox));
        return (
          <Row gutter={16}>
            <Col span={8}>
              <Card title="起草新版本" style={{ marginBottom: 16 }}>
                <Refusal error={refusal} onClose={() => setRefusal(null)} />
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input placeholder="版本名称,如:2027 年修订" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-testid="draft-name" />
                  <Space><Switch checked={sandbox} onChange={setSandbox} /> 沙箱规则(以秒计,仅演示与测试)</Space>
                  <Button type="primary" block disabled={!name.trim()} loading={busy === 'create'} onClick={create} data-testid="draft-create">以现行版本为基础起草</Button>
                </Space>
              </Card>
              <Card title="草稿">
                {drafts.length ? (
                  <Table<RuleSet>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={drafts}
                    rowClassName={(s) => (s.id === draft?.id ? 'ant-table-row-selected' : '')}
                    onRow={(s) => ({ onClick: () => setSelected(s.id), style: { cursor: 'pointer' } })}
                    columns={[{ title: '版本', dataIndex: 'version', width: 70, render: (v, s) => <>第 {v} 版{s.isSandbox && <Tag color="purple">沙箱</Tag>}</> }, { title: '名称', dataIndex: 'name', ellipsis: true }]}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无草稿" />
                )}
              </Card>
            </Col>
            <Col span={16}>{draft ? <Editor draft={draft} active={active} onChanged={sets.reload} /> : <Card><Empty description="起草一个新版本后,在此修改参数并发布" /></Card>}</Col>
          </Row>
        );
      }}
    </Loaded>
  );
}

/** The committee drafts a rule-set version from the one in force, changes values, publishes it. */
export function RuleDrafts() {
  const [domain, setDomain] = useState<Domain>('tendering');
  return (
    <Page title="规则起草与发布" sub="以现行版本为基础起草,修改参数后发布;发布即生效,原版本废止,已发布项目沿用其固化的版本。" extra={<Link to="/workspace/committee"><Button>版本与差异</Button></Link>}>
      <Tabs activeKey={domain} onChange={(k) => setDomain(k as Domain)} items={(['tendering', 'land', 'procurement', 'rural'] as Domain[]).map((d) => ({ key: d, label: DOMAIN_LABEL[d] }))} />
      <DomainDrafts domain={domain} />
    </Page>
  );
}

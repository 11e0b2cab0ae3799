import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Card, Col, Descriptions, Empty, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, Domain } from '../../api/client';
import { RuleDiff, RuleSet } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { DOMAIN_LABEL, time } from '../../format';
import { ParamName } from '../../components/ParamName';
import { fieldsOf, labelOf, RuleSection, SECTION_LABEL, showParam } from '../../rule-labels';

/** A standard set's state; a sandbox set is never "in force" whatever its state: it is a demonstration. */
const STATUS: Record<string, { text: string; status: 'success' | 'default' | 'processing' }> = { active: { text: '现行有效', status: 'success' }, draft: { text: '草稿', status: 'processing' }, retired: { text: '已废止', status: 'default' } };
const SANDBOX_STATUS: Record<string, string> = { active: '演示中', draft: '演示草稿', retired: '演示已停用' };

export function statusText(s: Pick<RuleSet, 'status' | 'isSandbox'>): string {
  return s.isSandbox ? SANDBOX_STATUS[s.status] ?? '演示' : STATUS[s.status]?.text ?? s.status;
}

function versionName(s: Pick<RuleSet, 'version' | 'isSandbox'>): string {
  return s.isSandbox ? `演示第 ${s.version} 版` : `第 ${s.version} 版`;
}

function Params({ set, showCode }: { set: RuleSet; showCode: boolean }) {
  const rows = fieldsOf(set.params).map((f) => ({ ...f, value: showParam((set.params[f.section] as Record<string, unknown>)[f.name], f.section) }));
  return (
    <div className="table-scroll">
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={rows}
        data-testid="rule-params"
        columns={[
          { title: '类别', dataIndex: 'section', width: 60, render: (s: RuleSection) => <span className="muted">{SECTION_LABEL[s]}</span> },
          { title: '参数与依据', dataIndex: 'field', render: (field: string) => <ParamName field={field} label={labelOf(set.labels, field)} showCode={showCode} /> },
          { title: '取值', dataIndex: 'value', width: 130, align: 'right' },
        ]}
      />
    </div>
  );
}

function Diff({ sets, showCode }: { sets: RuleSet[]; showCode: boolean }) {
  const sorted = useMemo(() => [...sets].sort((a, b) => Number(a.isSandbox) - Number(b.isSandbox) || a.version - b.version), [sets]);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  useEffect(() => {
    setFrom(sorted[0]?.id);
    setTo(sorted[sorted.length - 1]?.id);
  }, [sorted]);
  const diff = useLoad(() => (from && to && from !== to ? api.get<RuleDiff>(`/rule-sets/${from}/diff/${to}`) : Promise.resolve(null)), [from, to]);
  const options = sorted.map((s) => ({ value: s.id, label: `${versionName(s)} · ${statusText(s)}` }));
  const name = (v: { version: number; isSandbox: boolean }) => versionName(v);
  return (
    <Card title="版本差异" data-testid="rule-diff">
      <Space style={{ marginBottom: 16 }} wrap>
        <span>从</span>
        <Select value={from} onChange={setFrom} options={options} style={{ width: 200 }} />
        <span>到</span>
        <Select value={to} onChange={setTo} options={options} style={{ width: 200 }} />
      </Space>
      {from === to ? (
        <Empty description="请选择两个不同的版本" />
      ) : (
        <Loaded state={diff} empty={(d) => !d || d.changes.length === 0} emptyText="两个版本的参数相同">
          {(d) => (
            <div className="table-scroll">
              <Table
                size="small"
                rowKey="field"
                pagination={false}
                dataSource={d!.changes}
                columns={[
                  { title: '参数与依据', render: (_, c) => <ParamName field={c.field} label={c.label} showCode={showCode} /> },
                  { title: `原值(${name(d!.from)})`, render: (_, c) => <Typography.Text delete type="secondary">{showParam(c.from, c.field.split('.')[0] as RuleSection)}</Typography.Text> },
                  { title: `新值(${name(d!.to)})`, render: (_, c) => <Typography.Text strong style={{ color: '#d9480f' }}>{showParam(c.to, c.field.split('.')[0] as RuleSection)}</Typography.Text> },
                ]}
              />
            </div>
          )}
        </Loaded>
      )}
    </Card>
  );
}

function Versions({ sets, current, onSelect, sandbox }: { sets: RuleSet[]; current?: RuleSet; onSelect: (id: string) => void; sandbox: boolean }) {
  return (
    <Table<RuleSet>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={sets}
      data-testid={sandbox ? 'sandbox-versions' : 'standard-versions'}
      rowClassName={(s) => (s.id === current?.id ? 'ant-table-row-selected' : '')}
      onRow={(s) => ({ onClick: () => onSelect(s.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: '版本', dataIndex: 'version', width: 110, render: (_, s) => versionName(s) },
        { title: '名称', dataIndex: 'name', ellipsis: true },
        {
          title: '状态',
          dataIndex: 'status',
          width: 110,
          render: (st, s) => (s.isSandbox ? <Tag color="purple">{statusText(s)}</Tag> : <Badge status={STATUS[st]?.status} text={statusText(s)} />),
        },
      ]}
    />
  );
}

function DomainRules({ domain, showCode }: { domain: Domain; showCode: boolean }) {
  const list = useLoad(() => api.get<{ items: RuleSet[] }>('/rule-sets', { domain }).then((r) => r.items), [domain]);
  const [selected, setSelected] = useState<string>();
  return (
    <Loaded state={list} empty={(l) => !l.length} emptyText="该领域暂无规则">
      {(sets) => {
        const standard = sets.filter((s) => !s.isSandbox);
        const sandbox = sets.filter((s) => s.isSandbox);
        const current = sets.find((s) => s.id === selected) ?? standard.find((s) => s.status === 'active') ?? standard[0] ?? sets[0];
        return (
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card title="现行规则版本" style={{ marginBottom: 16 }} extra={<span className="muted">具有约束力</span>}>
                {standard.length ? <Versions sets={standard} current={current} onSelect={setSelected} sandbox={false} /> : <Empty description="尚未发布现行规则" />}
              </Card>
              {sandbox.length > 0 && (
                <Card title="演示 / 沙箱规则" className="sandbox-card" style={{ marginBottom: 16 }} extra={<Tag color="purple">非现行规则</Tag>}>
                  <p className="muted" style={{ marginTop: 0 }}>期限按秒或分钟缩短,仅用于演示与测试,不是现行有效的交易规则;采用它们的项目在页面上标为演示项目。</p>
                  <Versions sets={sandbox} current={current} onSelect={setSelected} sandbox />
                </Card>
              )}
            </Col>
            <Col xs={24} lg={14}>
              {current && (
                <Card
                  title={`${versionName(current)}参数`}
                  extra={current.isSandbox ? <Tag color="purple">演示 / 沙箱 · 非现行规则</Tag> : <Badge status={STATUS[current.status]?.status} text={statusText(current)} />}
                  style={{ marginBottom: 16 }}
                  className={current.isSandbox ? 'sandbox-card' : undefined}
                >
                  {current.isSandbox && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="这是演示用的沙箱规则,不是现行有效的交易规则" />}
                  <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
                    <Descriptions.Item label="名称">{current.name}</Descriptions.Item>
                    <Descriptions.Item label={current.isSandbox ? '发布时间' : '生效时间'}>{time(current.effectiveFrom ?? current.publishedAt)}</Descriptions.Item>
                  </Descriptions>
                  <Params set={current} showCode={showCode} />
                </Card>
              )}
              <Diff sets={sets} showCode={showCode} />
            </Col>
          </Row>
        );
      }}
    </Loaded>
  );
}

/** The committee's rule sets per domain: the versions in force apart from the sandbox ones, parameters with their legal source, differences. Public read. */
export function RulesPage({ editable = false }: { editable?: boolean }) {
  const [domain, setDomain] = useState<Domain>('tendering');
  return (
    <Page title={editable ? '规则管理' : '交易规则'} sub="一委统一制定的交易规则,按版本发布;项目发布时固化所用版本。每个参数列出中文名称与法律依据。">
      {editable && <Refusal error={null} />}
      <div className={editable ? undefined : 'public-page'}>
        <Tabs activeKey={domain} onChange={(k) => setDomain(k as Domain)} items={(['tendering', 'land', 'procurement', 'rural'] as Domain[]).map((d) => ({ key: d, label: DOMAIN_LABEL[d] }))} />
        <DomainRules domain={domain} showCode={editable} />
      </div>
    </Page>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Badge, Card, Col, Descriptions, Empty, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, Domain } from '../../api/client';
import { RuleDiff, RuleSet } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { DOMAIN_LABEL, time } from '../../format';
import { ParamName } from '../../components/ParamName';
import { fieldsOf, labelOf, RuleSection, showParam } from '../../rule-labels';

const STATUS: Record<string, { text: string; status: 'success' | 'default' | 'processing' }> = { active: { text: '生效', status: 'success' }, draft: { text: '草稿', status: 'processing' }, retired: { text: '已废止', status: 'default' } };

function Params({ set }: { set: RuleSet }) {
  const rows = fieldsOf(set.params).map((f) => ({ ...f, value: showParam((set.params[f.section] as Record<string, unknown>)[f.name], f.section) }));
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid="rule-params"
      columns={[
        { title: '参数', dataIndex: 'field', render: (field: string) => <ParamName field={field} label={labelOf(set.labels, field)} /> },
        { title: '取值', dataIndex: 'value', width: 130, align: 'right' },
      ]}
    />
  );
}

function Diff({ sets }: { sets: RuleSet[] }) {
  const sorted = useMemo(() => [...sets].sort((a, b) => Number(a.isSandbox) - Number(b.isSandbox) || a.version - b.version), [sets]);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  useEffect(() => {
    setFrom(sorted[0]?.id);
    setTo(sorted[sorted.length - 1]?.id);
  }, [sorted]);
  const diff = useLoad(() => (from && to && from !== to ? api.get<RuleDiff>(`/rule-sets/${from}/diff/${to}`) : Promise.resolve(null)), [from, to]);
  const options = sorted.map((s) => ({ value: s.id, label: `第 ${s.version} 版${s.isSandbox ? '(沙箱)' : ''} · ${STATUS[s.status]?.text ?? s.status}` }));
  return (
    <Card title="版本差异" data-testid="rule-diff">
      <Space style={{ marginBottom: 16 }}>
        <span>从</span>
        <Select value={from} onChange={setFrom} options={options} style={{ width: 220 }} />
        <span>到</span>
        <Select value={to} onChange={setTo} options={options} style={{ width: 220 }} />
      </Space>
      {from === to ? (
        <Empty description="请选择两个不同的版本" />
      ) : (
        <Loaded state={diff} empty={(d) => !d || d.changes.length === 0} emptyText="两个版本的参数相同">
          {(d) => (
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={d!.changes}
              columns={[
                { title: '参数', render: (_, c) => <ParamName field={c.field} label={c.label} /> },
                { title: `原值(第 ${d!.from.version} 版${d!.from.isSandbox ? ' 沙箱' : ''})`, render: (_, c) => <Typography.Text delete type="secondary">{showParam(c.from, c.field.split('.')[0] as RuleSection)}</Typography.Text> },
                { title: `新值(第 ${d!.to.version} 版${d!.to.isSandbox ? ' 沙箱' : ''})`, render: (_, c) => <Typography.Text strong style={{ color: '#d9480f' }}>{showParam(c.to, c.field.split('.')[0] as RuleSection)}</Typography.Text> },
              ]}
            />
          )}
        </Loaded>
      )}
    </Card>
  );
}

function DomainRules({ domain }: { domain: Domain }) {
  const list = useLoad(() => api.get<{ items: RuleSet[] }>('/rule-sets', { domain }).then((r) => r.items), [domain]);
  const [selected, setSelected] = useState<string>();
  return (
    <Loaded state={list} empty={(l) => !l.length} emptyText="该领域暂无规则">
      {(sets) => {
        const current = sets.find((s) => s.id === selected) ?? sets.find((s) => s.status === 'active' && !s.isSandbox) ?? sets[0];
        return (
          <Row gutter={16}>
            <Col span={10}>
              <Card title="版本" style={{ marginBottom: 16 }}>
                <Table<RuleSet>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={sets}
                  rowClassName={(s) => (s.id === current?.id ? 'ant-table-row-selected' : '')}
                  onRow={(s) => ({ onClick: () => setSelected(s.id), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: '版本', dataIndex: 'version', width: 70, render: (v, s) => <>第 {v} 版 {s.isSandbox && <Tag color="purple">沙箱</Tag>}</> },
                    { title: '名称', dataIndex: 'name', ellipsis: true },
                    { title: '状态', dataIndex: 'status', width: 80, render: (s) => <Badge status={STATUS[s]?.status} text={STATUS[s]?.text ?? s} /> },
                  ]}
                />
              </Card>
              {current && (
                <Card title={`第 ${current.version} 版参数`}>
                  <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
                    <Descriptions.Item label="名称">{current.name}</Descriptions.Item>
                    <Descriptions.Item label="发布时间">{time(current.publishedAt)}</Descriptions.Item>
                  </Descriptions>
                  <Params set={current} />
                </Card>
              )}
            </Col>
            <Col span={14}>
              <Diff sets={sets} />
            </Col>
          </Row>
        );
      }}
    </Loaded>
  );
}

/** The committee's rule sets per domain: versions, parameters and the differences between two versions. Public read. */
export function RulesPage({ editable = false }: { editable?: boolean }) {
  const [domain, setDomain] = useState<Domain>('tendering');
  return (
    <Page title={editable ? '规则管理' : '交易规则'} sub="一委统一制定的交易规则,按版本发布;项目发布时固化所用版本。">
      {editable && <Refusal error={null} />}
      <Tabs activeKey={domain} onChange={(k) => setDomain(k as Domain)} items={(['tendering', 'land', 'procurement', 'rural'] as Domain[]).map((d) => ({ key: d, label: DOMAIN_LABEL[d] }))} />
      <DomainRules domain={domain} />
    </Page>
  );
}

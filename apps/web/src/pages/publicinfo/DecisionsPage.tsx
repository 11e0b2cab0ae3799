import { useState } from 'react';
import { Card, Empty, Pagination, Select, Space, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Paged, PublicDecision } from '../../api/oversight-types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { day, DOMAIN_LABEL } from '../../format';
import { COMPLAINT_OUTCOME, DOMAIN_COLOUR, DOMAINS } from '../../oversight-labels';
import { InfoTabs } from './InfoTabs';

/** 投诉处理决定公开 (GET /public/complaints/decisions): no login, no personal data, no evidence. */
export function DecisionsPage() {
  const [params] = useSearchParams();
  const projectId = params.get('projectId') ?? undefined;
  const [domain, setDomain] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useLoad(() => api.get<Paged<PublicDecision>>('/public/complaints/decisions', { domain, projectId, page, pageSize: 10 }), [domain, projectId, page]);

  return (
    <Page title="信息公开" sub="行政监督部门对投诉作出的处理决定依法公开(不含个人信息与证明材料)">
      <InfoTabs />
      <Space style={{ marginBottom: 16 }}>
        <Select allowClear placeholder="全部领域" style={{ width: 160 }} value={domain} onChange={(v) => (setDomain(v), setPage(1))} options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABEL[d] }))} />
        {projectId && <Tag closable={false}>仅本项目</Tag>}
      </Space>
      <Loaded state={list} rows={6}>
        {(d) =>
          d.items.length === 0 ? (
            <Card>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无公开的投诉处理决定" />
            </Card>
          ) : (
            <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="decisions">
              {d.items.map((x) => (
                <Card key={x.id} className={`decision-card ${x.outcome}`} size="small" data-testid="decision">
                  <Space wrap size={[8, 4]} style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Space wrap>
                      <StatusTag map={COMPLAINT_OUTCOME} value={x.outcome} />
                      <Tag color={DOMAIN_COLOUR[x.project.domain]} bordered={false}>{DOMAIN_LABEL[x.project.domain]}</Tag>
                      <b>{x.project.name}</b>
                      <span className="muted mono">{x.project.code}</span>
                    </Space>
                    <span className="muted">决定日期 {day(x.decidedAt)}</span>
                  </Space>
                  <div className="muted" style={{ marginTop: 6 }}>投诉人:{x.complainant.name}</div>
                  <p className="decision-text">{x.decision}</p>
                </Card>
              ))}
              <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
                <Pagination current={d.page} pageSize={d.pageSize} total={d.total} onChange={setPage} showTotal={(t) => `共 ${t} 件`} />
              </div>
            </Space>
          )
        }
      </Loaded>
    </Page>
  );
}

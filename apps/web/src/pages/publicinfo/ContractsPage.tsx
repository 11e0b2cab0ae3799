import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { RegionSelect } from '../portal/PublicParts';
import { regionName } from '../../regions';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Paged, PortalContract } from '../../api/oversight-types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { DOMAIN_LABEL, time, yuan } from '../../format';
import { DOMAIN_COLOUR, DOMAINS } from '../../oversight-labels';
import { InfoTabs } from './InfoTabs';

interface Filter {
  domain?: string;
  region?: string;
  keyword?: string;
  from?: string;
  to?: string;
}

/** What a contract is called in each domain. */
const CONTRACT_KIND: Record<string, string> = { tendering: '施工/服务合同', land: '成交确认书', rural: '产权交易合同', procurement: '电子卖场订单' };

/** 合同公示: every domain's contracts, newest first (GET /public/portal/contracts). */
export function ContractsPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const list = useLoad(() => api.get<Paged<PortalContract>>('/public/portal/contracts', { ...filter, page, pageSize: 15 }), [filter, page]);

  const apply = (v: { domain?: string; region?: string; keyword?: string; range?: [Dayjs, Dayjs] | null }) => {
    setPage(1);
    setFilter({
      domain: v.domain || undefined,
      region: v.region || undefined,
      keyword: v.keyword?.trim() || undefined,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    });
  };

  return (
    <Page title="信息公开" sub="工程合同、土地成交确认书、农村产权交易合同与电子卖场订单依法公开,签订时间为北京时间">
      <InfoTabs />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={apply} style={{ rowGap: 10 }}>
          <Form.Item name="keyword" rules={[{ max: 50, message: '关键字最多 50 个字' }]}>
            <Input prefix={<SearchOutlined />} placeholder="标题、项目编号或订单号" allowClear style={{ width: 260, maxWidth: '100%' }} data-testid="contract-keyword" />
          </Form.Item>
          <Form.Item name="domain">
            <Select allowClear placeholder="全部领域" style={{ width: 140 }} options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABEL[d] }))} data-testid="contract-domain" />
          </Form.Item>
          <Form.Item name="region">
            <RegionSelect />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker placeholder={['签订日期起', '签订日期止']} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="contract-search">
            检索
          </Button>
        </Form>
      </Card>
      <Loaded state={list} rows={8}>
        {(d) => (
          <Card>
            <Table<PortalContract>
              scroll={{ x: 'max-content' }}
              rowKey={(c) => `${c.domain}:${c.subjectId}:${c.sectionNo ?? ''}`}
              dataSource={d.items}
              data-testid="contracts"
              locale={{ emptyText: '没有符合条件的合同' }}
              pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 份` }}
              columns={[
                { title: '签订时间', dataIndex: 'signedAt', width: 170, render: time },
                {
                  title: '领域',
                  dataIndex: 'domain',
                  width: 150,
                  render: (v) => (
                    <Space direction="vertical" size={0}>
                      <Tag color={DOMAIN_COLOUR[v]} bordered={false}>{DOMAIN_LABEL[v]}</Tag>
                      <span className="muted">{CONTRACT_KIND[v]}</span>
                    </Space>
                  ),
                },
                {
                  title: '项目 / 合同',
                  dataIndex: 'title',
                  render: (title, c) => (
                    <Space direction="vertical" size={0}>
                      {c.projectId ? (
                        <Link className="notice-title" to={`/portal/projects/${c.projectId}`} data-testid="contract-project">
                          {title}
                        </Link>
                      ) : (
                        <span className="notice-title">{title}</span>
                      )}
                      <span className="muted mono">
                        {c.code ?? ''}
                        {c.sectionNo ? ` · ${c.domain === 'rural' ? `第${c.sectionNo}轮` : `标段 ${c.sectionNo}`}` : ''}
                        {c.region ? ` · ${regionName(c.region)}` : ''}
                      </span>
                    </Space>
                  ),
                },
                { title: '合同金额', dataIndex: 'amount', width: 180, align: 'right', render: (a: string | null) => (a ? <span className="money">{yuan(a)}</span> : <span className="muted">—</span>) },
                { title: '招标人 / 出让方 / 采购人', dataIndex: 'buyerName', width: 200, ellipsis: true, render: (n: string | null) => n ?? '—' },
                {
                  title: '中标人 / 受让方 / 供应商',
                  dataIndex: 'supplierName',
                  width: 200,
                  ellipsis: true,
                  render: (n: string | null, c) => n ?? <span className="muted">{c.domain === 'land' ? '见项目页' : '—'}</span>,
                },
              ]}
            />
          </Card>
        )}
      </Loaded>
    </Page>
  );
}

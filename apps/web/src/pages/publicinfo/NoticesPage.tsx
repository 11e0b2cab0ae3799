import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Paged, PortalNotice } from '../../api/oversight-types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { StatusTag } from '../../components/StatusTag';
import { DOMAIN_LABEL, time, yuan } from '../../format';
import { DOMAIN_COLOUR, DOMAINS, NOTICE_KIND } from '../../oversight-labels';
import { InfoTabs } from './InfoTabs';
import { noticePage, RegionSelect, RegionText } from '../portal/PublicParts';

interface Filter {
  kind?: string;
  domain?: string;
  region?: string;
  keyword?: string;
  from?: string;
  to?: string;
}

/** 公告信息: every domain's announcements, amendments, candidates, results and contracts in one feed (GET /public/portal/announcements). */
export function NoticesPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const list = useLoad(() => api.get<Paged<PortalNotice>>('/public/portal/announcements', { ...filter, page, pageSize: 15 }), [filter, page]);

  const apply = (v: { kinds?: string[]; domain?: string; region?: string; keyword?: string; range?: [Dayjs, Dayjs] | null }) => {
    setPage(1);
    setFilter({
      kind: v.kinds?.length ? v.kinds.join(',') : undefined,
      domain: v.domain || undefined,
      region: v.region || undefined,
      keyword: v.keyword?.trim() || undefined,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    });
  };

  return (
    <Page title="信息公开" sub="招标/出让/挂牌公告、变更公告、中标候选人公示、交易结果与合同,各领域统一检索,最新在前">
      <InfoTabs />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={apply} style={{ rowGap: 10 }}>
          <Form.Item name="kinds" label="类型" style={{ width: '100%' }}>
            <Checkbox.Group options={Object.entries(NOTICE_KIND).map(([value, k]) => ({ value, label: k.text }))} />
          </Form.Item>
          <Form.Item name="keyword" rules={[{ max: 50, message: '关键字最多 50 个字' }]}>
            <Input prefix={<SearchOutlined />} placeholder="标题或项目编号" allowClear style={{ width: 240, maxWidth: '100%' }} data-testid="notice-keyword" />
          </Form.Item>
          <Form.Item name="domain">
            <Select allowClear placeholder="全部领域" style={{ width: 140 }} options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABEL[d] }))} />
          </Form.Item>
          <Form.Item name="region">
            <RegionSelect />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker placeholder={['发布日期起', '发布日期止']} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="notice-search">
            检索
          </Button>
        </Form>
      </Card>
      <Loaded state={list} rows={8}>
        {(d) => (
          <Card>
            <Table<PortalNotice>
              scroll={{ x: 'max-content' }}
              rowKey="id"
              dataSource={d.items}
              locale={{ emptyText: '没有符合条件的公告' }}
              pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
              columns={[
                { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: time },
                { title: '类型', dataIndex: 'kind', width: 110, render: (k) => <StatusTag map={NOTICE_KIND} value={k} /> },
                { title: '领域', dataIndex: 'domain', width: 110, render: (v) => <Tag color={DOMAIN_COLOUR[v]} bordered={false}>{DOMAIN_LABEL[v]}</Tag> },
                {
                  title: '标题',
                  dataIndex: 'title',
                  render: (title, n) => (
                    <Space direction="vertical" size={0}>
                      {noticePage(n) ? <Link className="notice-title" to={n.projectId ? `/portal/projects/${n.projectId}` : noticePage(n)!}>{title}</Link> : <span className="notice-title">{title}</span>}
                      <span className="muted mono">{n.code ?? ''}{n.sectionNo ? ` · ${n.domain === 'rural' ? '第' + n.sectionNo + '轮' : '标段 ' + n.sectionNo}` : ''}</span>
                    </Space>
                  ),
                },
                {
                  title: '结果 / 金额',
                  width: 190,
                  align: 'right',
                  render: (_, n) =>
                    n.outcome === 'failed' ? <Tag color="error">流标/流拍</Tag> : n.amount ? <span className="money">{yuan(n.amount)}</span> : <span className="muted">—</span>,
                },
                { title: '单位', width: 220, ellipsis: true, render: (_, n) => n.organisationName ?? n.buyerName ?? '—' },
                { title: '地区', dataIndex: 'region', width: 150, render: (r) => <RegionText code={r} /> },
              ]}
            />
          </Card>
        )}
      </Loaded>
    </Page>
  );
}

import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { ApiOutlined, CloudDownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { InfoTabs } from './InfoTabs';

interface Policy {
  ocidPrefix: string;
  version: string;
  license: string | null;
  zh: string;
}

/** 开放数据: where the OCDS 1.1 export is and what it publishes (GET /public/ocds/publication-policy). */
export function OpenDataPage() {
  const policy = useLoad(() => api.get<Policy>('/public/ocds/publication-policy'), []);
  return (
    <Page title="信息公开" sub="开放合同数据标准(OCDS 1.1)机器可读数据,供社会监督与研究使用">
      <InfoTabs />
      <Loaded state={policy}>
        {(p) => (
          <Row gutter={16}>
            <Col span={15}>
              <Card title={<Space><FileProtectOutlined />数据发布政策</Space>}>
                <Typography.Paragraph style={{ lineHeight: 1.9 }}>{p.zh}</Typography.Paragraph>
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label="标准版本">OCDS {p.version}</Descriptions.Item>
                  <Descriptions.Item label="OCID 前缀"><span className="mono">{p.ocidPrefix}</span></Descriptions.Item>
                  <Descriptions.Item label="许可协议">{p.license ?? '未声明'}</Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col span={9}>
              <Card title={<Space><ApiOutlined />获取数据</Space>}>
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  <div>
                    <Button type="primary" icon={<CloudDownloadOutlined />} href="/public/ocds/releases" target="_blank" data-testid="ocds-releases">
                      批量导出全部发布(JSON)
                    </Button>
                    <div className="muted" style={{ marginTop: 6 }}>按发布时间从早到晚,每页最多 100 个项目;<span className="mono">links.next</span> 为下一页。</div>
                  </div>
                  <div>
                    <b>单个项目</b>
                    <div className="muted" style={{ marginTop: 4 }}>每个项目公开页均有「开放数据(OCDS)」链接:</div>
                    <div className="open-data-code">GET /public/ocds/projects/&lt;项目编号&gt;</div>
                  </div>
                  <div>
                    <b>接口文档</b>
                    <div className="muted" style={{ marginTop: 4 }}>
                      全部公开接口见 <a href="/docs" target="_blank" rel="noreferrer">/docs</a>(OpenAPI)。
                    </div>
                  </div>
                </Space>
              </Card>
            </Col>
          </Row>
        )}
      </Loaded>
    </Page>
  );
}

import { Card, Result } from 'antd';
import { Link } from 'react-router-dom';
import { Page } from '../components/AppLayout';

/** Owners and agents register projects through the API today; their workspace pages are a follow-up. */
export function OwnerHome() {
  return (
    <Page title="项目单位工作台">
      <Card>
        <Result status="info" title="项目登记、澄清答复与结果确认页面正在建设中" subTitle="请在公开门户查看已发布的项目;接口文档列出了项目单位可用的全部操作。" extra={<><Link to="/">公开门户</Link> · <a href="/docs">接口文档</a></>} />
      </Card>
    </Page>
  );
}

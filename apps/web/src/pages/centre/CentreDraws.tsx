import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Table, Tag, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { Draw, DrawMember } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { Loaded, useLoad } from '../../components/states';
import { shortHash, time } from '../../format';

const STATUS: Record<string, { text: string; color: string }> = {
  pending: { text: '待抽取', color: 'default' },
  inviting: { text: '通知中', color: 'processing' },
  complete: { text: '已满额', color: 'success' },
  short: { text: '人数不足', color: 'warning' },
  failed: { text: '抽取失败', color: 'error' },
  opened: { text: '已开启', color: 'blue' },
  finished: { text: '已结束', color: 'default' },
};
const MEMBER: Record<string, string> = { standby: '候补', invited: '已通知', accepted: '已接受', declined: '已拒绝', expired: '超时', released: '已释放' };

function Members({ draw }: { draw: Draw }) {
  const members = useLoad(() => api.get<DrawMember[]>(`/expert-draws/${draw.id}/members`), [draw.id]);
  if (members.error) return <Alert type="info" showIcon icon={<LockOutlined />} message="专家名单密封中" description={members.error.zh} />;
  return (
    <Loaded state={members} empty={(m) => !m.length} emptyText="暂无名单">
      {(m) => (
        <Table size="small" rowKey="invitationId" pagination={false} dataSource={m} columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'employerName' },
          { title: '专业', dataIndex: 'specialty' },
          { title: '类别', dataIndex: 'kind', render: (k) => (k === 'primary' ? '正选' : '备选') },
          { title: '状态', dataIndex: 'status', render: (s) => MEMBER[s] ?? s },
        ]} />
      )}
    </Loaded>
  );
}

/** Expert draws: status, the seed committed before the draw, names sealed until the session opens. */
export function CentreDraws() {
  const draws = useLoad(() => api.get<Draw[]>('/expert-draws'), []);
  const [open, setOpen] = useState<Draw | null>(null);
  return (
    <Page title="专家抽取" sub="随机抽取、回避与通知由系统完成;抽取种子事先承诺,专家名单在评标开始前对交易中心密封。">
      <Card>
        <Loaded state={draws} empty={(d) => !d.length} emptyText="暂无抽取记录">
          {(d) => (
            <Table<Draw>
              rowKey="id"
              dataSource={d}
              columns={[
                { title: '项目', dataIndex: 'projectId', render: (p) => <span className="mono">{shortHash(p, 8)}</span> },
                { title: '领域', dataIndex: 'domain', width: 90 },
                { title: '评标时间', width: 320, render: (_, x) => `${time(x.sessionStart)} 至 ${time(x.sessionEnd)}` },
                { title: '状态', dataIndex: 'status', width: 100, render: (s) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.text ?? s}</Tag> },
                { title: '种子承诺', dataIndex: 'seedCommitment', render: (h) => <Tooltip title={h}><span className="mono">{shortHash(h, 16)}</span></Tooltip> },
                { title: '', width: 90, render: (_, x) => <Button size="small" onClick={() => setOpen(x)}>详情</Button> },
              ]}
            />
          )}
        </Loaded>
      </Card>
      <Drawer width={720} open={!!open} onClose={() => setOpen(null)} title="抽取详情">
        {open && (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="状态"><Tag color={STATUS[open.status]?.color}>{STATUS[open.status]?.text}</Tag></Descriptions.Item>
              <Descriptions.Item label="算法">{open.algorithm}</Descriptions.Item>
              <Descriptions.Item label="种子承诺"><span className="mono">{open.seedCommitment}</span></Descriptions.Item>
              <Descriptions.Item label="公开种子">{open.revealedSeed ? <span className="mono">{open.revealedSeed}</span> : '评标开始时公开'}</Descriptions.Item>
              <Descriptions.Item label="抽取时间">{time(open.drawnAt)}</Descriptions.Item>
              <Descriptions.Item label="开启时间">{time(open.openedAt)}</Descriptions.Item>
            </Descriptions>
            <Members draw={open} />
          </>
        )}
      </Drawer>
    </Page>
  );
}

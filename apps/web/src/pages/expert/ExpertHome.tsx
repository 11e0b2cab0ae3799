import { useState } from 'react';
import { App, Button, Card, Input, Modal, Space, Table, Tag } from 'antd';
import { api, ApiError } from '../../api/client';
import { Invitation } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { asApiError, Loaded, Refusal, useLoad } from '../../components/states';
import { time } from '../../format';

const STATUS: Record<string, { text: string; color: string }> = {
  invited: { text: '待答复', color: 'processing' },
  accepted: { text: '已接受', color: 'success' },
  declined: { text: '已拒绝', color: 'default' },
  expired: { text: '已超时', color: 'warning' },
  released: { text: '已释放', color: 'default' },
};

/** The expert's draw invitations: accept, or decline with a reason, before the reply deadline. */
export function ExpertHome() {
  const { message } = App.useApp();
  const list = useLoad(() => api.get<Invitation[]>('/experts/me/invitations'), []);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [declining, setDeclining] = useState<Invitation | null>(null);
  const [reason, setReason] = useState('');
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setRefusal(null);
    try {
      await fn();
      message.success(done);
      list.reload();
    } catch (e) {
      setRefusal(asApiError(e));
    }
  };
  return (
    <Page title="评审邀请" sub="系统随机抽取后发出的评标邀请;请在答复期限内确认是否参加。">
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Card>
        <Loaded state={list} empty={(l) => !l.length} emptyText="暂无邀请">
          {(l) => (
            <Table<Invitation>
              rowKey="id"
              dataSource={l}
              columns={[
                { title: '项目', render: (_, i) => <>{i.projectName}<div className="mono muted">{i.projectCode}</div></> },
                { title: '专业', dataIndex: 'specialty', width: 120 },
                { title: '评标时间', width: 300, render: (_, i) => `${time(i.sessionStart)} 至 ${time(i.sessionEnd)}` },
                { title: '答复期限', dataIndex: 'respondBy', width: 170, render: time },
                { title: '状态', dataIndex: 'status', width: 90, render: (s) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.text ?? s}</Tag> },
                {
                  title: '',
                  width: 150,
                  render: (_, i) =>
                    i.status === 'invited' ? (
                      <Space>
                        <Button type="primary" size="small" onClick={() => act(() => api.post(`/experts/me/invitations/${i.id}/accept`), '已接受邀请')}>接受</Button>
                        <Button size="small" onClick={() => (setDeclining(i), setReason(''))}>拒绝</Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      <Modal
        open={!!declining}
        title="拒绝邀请"
        okText="确认拒绝"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setDeclining(null)}
        onOk={() => {
          const i = declining!;
          setDeclining(null);
          void act(() => api.post(`/experts/me/invitations/${i.id}/decline`, { reason: reason.trim() }), '已拒绝邀请');
        }}
      >
        <Input.TextArea rows={3} placeholder="拒绝理由(如回避、时间冲突)" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Page>
  );
}

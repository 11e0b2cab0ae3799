import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Invitation } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { useAction } from '../../components/actions';
import { confirmBinding } from '../../components/BindingConfirm';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { time } from '../../format';

const STATUS: Record<string, { text: string; color: string }> = {
  invited: { text: '待答复', color: 'processing' },
  accepted: { text: '已接受', color: 'success' },
  declined: { text: '已拒绝', color: 'default' },
  expired: { text: '已超时', color: 'warning' },
  released: { text: '已释放', color: 'default' },
};

/** The expert's draw invitations: accept (behind a confirmation), or decline with a reason, before the reply deadline. */
export function ExpertHome() {
  const { modal } = App.useApp();
  const list = useLoad(() => api.get<Invitation[]>('/experts/me/invitations'), []);
  // specialties by their Chinese names (the invitation carries the code)
  const specialties = useLoad(() => api.get<{ code: string; nameZh: string }[]>('/specialties').then((l) => new Map(l.map((x) => [x.code, x.nameZh]))), []);
  const specialty = (code: string) => specialties.data?.get(code) ?? code;
  const { busy, refusal, setRefusal, run } = useAction();
  const [declining, setDeclining] = useState<Invitation | null>(null);
  const [reason, setReason] = useState('');
  const accept = async (i: Invitation) => {
    const ok = await confirmBinding(modal, {
      title: '确认参加评标',
      lines: [
        { label: '项目', value: `${i.projectName}(${i.projectCode})` },
        { label: '专业', value: `${specialty(i.specialty)}(${i.specialty})` },
        { label: '评标时间', value: `${time(i.sessionStart)} 至 ${time(i.sessionEnd)}` },
      ],
      warning: '接受后须按时参加评标;与投标人有利害关系的,应当主动回避(招标投标法第三十七条)。',
      okText: '确认参加',
    });
    if (ok && (await run(i.id, () => api.post(`/experts/me/invitations/${i.id}/accept`), '已接受邀请'))) list.reload();
  };
  const accepted = (list.data ?? []).filter((i) => i.status === 'accepted').length;
  return (
    <Page title="评审邀请" sub="系统随机抽取后发出的评标邀请;请在答复期限内确认是否参加。">
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      {accepted > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`已接受 ${accepted} 项邀请。评标开始后,在“我的评标”中逐项评分、形成评标报告并签字。`}
          action={<Link to="/workspace/expert/evaluations"><Button size="small" type="primary" data-testid="to-evaluations">我的评标</Button></Link>}
        />
      )}
      <Card>
        <Loaded state={list} empty={(l) => !l.length} emptyText="暂无邀请">
          {(l) => (
            <Table<Invitation>
              rowKey="id"
              dataSource={l}
              scroll={{ x: 860 }}
              data-testid="invitations"
              columns={[
                { title: '项目', render: (_, i) => <>{i.projectName}<div className="mono muted">{i.projectCode}</div></> },
                { title: '专业', dataIndex: 'specialty', width: 150, render: (c: string) => <>{specialty(c)}<div className="mono muted">{c}</div></> },
                { title: '评标时间', width: 300, render: (_, i) => `${time(i.sessionStart)} 至 ${time(i.sessionEnd)}` },
                { title: '答复期限', dataIndex: 'respondBy', width: 170, render: time },
                { title: '状态', dataIndex: 'status', width: 90, render: (s) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.text ?? s}</Tag> },
                {
                  title: '',
                  width: 150,
                  fixed: 'right',
                  render: (_, i) =>
                    i.status === 'invited' ? (
                      <Space>
                        <Button type="primary" size="small" loading={busy === i.id} onClick={() => accept(i)} data-testid="invitation-accept">接受</Button>
                        <Button size="small" onClick={() => (setDeclining(i), setReason(''))} data-testid="invitation-decline">拒绝</Button>
                      </Space>
                    ) : i.respondedAt ? (
                      <span className="muted">{time(i.respondedAt)}</span>
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
        okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'decline-ok' } as { disabled: boolean }}
        onCancel={() => setDeclining(null)}
        onOk={async () => {
          const i = declining!;
          setDeclining(null);
          if (await run(i.id, () => api.post(`/experts/me/invitations/${i.id}/decline`, { reason: reason.trim() }), '已拒绝邀请,系统将递补抽取')) list.reload();
        }}
      >
        <Input.TextArea rows={3} placeholder="拒绝理由(如回避、时间冲突)" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="decline-reason" />
      </Modal>
    </Page>
  );
}

import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { BidAnswer } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { LotBoard } from '../../components/LotBoard';
import { asApiError, ErrorState, Loading, Refusal, useLoad } from '../../components/states';
import { confirmBinding } from '../../components/BindingConfirm';
import { typedYuan } from '../../money-words';
import { clock, yuan } from '../../format';
import { useLiveLot } from '../../live';

/** The bidding room: my paddle, the next valid price one click away, every bid confirmed with its amount in 大写, refusals in Chinese. */
export function LiveRoom() {
  const { id } = useParams();
  const live = useLiveLot(id);
  const me = useLoad(() => api.get<{ paddle: number }>(`/lots/${id}/me`), [id]);
  const [price, setPrice] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [last, setLast] = useState<BidAnswer | null>(null);
  const { message, modal } = App.useApp();

  const submit = async (typed: string) => {
    setRefusal(null);
    const value = typedYuan(typed);
    if (value === null) {
      setRefusal(new ApiError(0, { code: 'MONEY_INVALID', status: 422, message: { zh: '请输入以元为单位、最多两位小数的金额(可用千位分隔符,如 85,000,000)', en: 'Enter yuan with at most two decimals' } }));
      return;
    }
    // A bid binds once the server takes it: the amount in figures and in 大写, then 确认 (the key makes a retry safe).
    const ok = await confirmBinding(modal, {
      title: '确认出价',
      amountYuan: value,
      amountLabel: '出价',
      lines: [
        { label: '标的', value: live.lot?.title ?? '' },
        { label: '我的竞买号', value: me.data ? String(me.data.paddle) : '—' },
        { label: '当前价', value: live.lot?.currentPrice ? yuan(live.lot.currentPrice) : '尚无出价' },
      ],
      warning: '出价经服务器受理即生效,不可撤回;以服务器受理时间为准。',
      okText: '确认出价',
    });
    if (!ok) return;
    setBusy(true);
    try {
      const answer = await api.post<BidAnswer>(`/lots/${id}/bids`, { price: value, clientKey: crypto.randomUUID() });
      setLast(answer);
      setPrice('');
      message.success(`出价成功:${yuan(answer.price)},竞价截止 ${clock(answer.endsAt)}`);
      await live.refresh();
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const lot = live.lot;
  const open = lot && (lot.phase === 'listing' || lot.phase === 'live');
  const side =
    me.error ? (
      <Refusal error={me.error} />
    ) : (
      <Card title="我的出价" data-testid="bid-panel">
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="我的竞买号">{me.data ? <span className="paddle mine" data-testid="my-paddle">{me.data.paddle}</span> : '…'}</Descriptions.Item>
          <Descriptions.Item label="当前是否领先">{lot?.leaderPaddle && me.data ? (lot.leaderPaddle === me.data.paddle ? '是,您的出价领先' : '否') : '—'}</Descriptions.Item>
        </Descriptions>
        <Refusal error={refusal} onClose={() => setRefusal(null)} />
        <Form layout="inline" onFinish={() => submit(price)}>
          <Form.Item label="出价(元)">
            <Input data-testid="bid-input" value={price} onChange={(e) => setPrice(e.target.value)} placeholder={lot?.nextMinimum ? yuan(lot.nextMinimum, false) : ''} style={{ width: 200 }} disabled={!open} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} disabled={!open || !price.trim()}>
              出价
            </Button>
            <Button data-testid="bid-next" danger loading={busy} disabled={!open || !lot?.nextMinimum} onClick={() => lot?.nextMinimum && submit(lot.nextMinimum)}>
              按下一有效价出价 {lot?.nextMinimum ? yuan(lot.nextMinimum) : ''}
            </Button>
          </Space>
        </Form>
        {last && (
          <div className="muted" style={{ marginTop: 12 }} data-testid="last-bid">
            最近一次有效出价:第 {last.bidSeq} 次,{yuan(last.price)},服务器受理时间 {clock(last.acceptedAt)}
          </div>
        )}
      </Card>
    );

  return (
    <Page title="竞价室" sub={<Breadcrumb items={[{ title: <Link to="/workspace/bidder/live">竞价大厅</Link> }, { title: lot?.title ?? '竞价室' }]} />}>
      {live.error && !lot ? <ErrorState error={asApiError(live.error)} /> : lot ? <LotBoard live={live} myPaddle={me.data?.paddle} side={side} /> : <Loading />}
    </Page>
  );
}

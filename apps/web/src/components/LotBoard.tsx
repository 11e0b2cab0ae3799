import { ReactNode, useEffect, useState } from 'react';
import { Badge, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { LiveState, useNow } from '../live';
import { clock, countdown, time, yuan } from '../format';

const PHASE: Record<string, { text: string; color: string }> = {
  pending: { text: '未开始', color: 'default' },
  listing: { text: '挂牌中', color: 'blue' },
  live: { text: '限时竞价中', color: 'red' },
  ended: { text: '已结束', color: 'default' },
};
const OUTCOME: Record<string, string> = { sold: '成交', unsold: '流拍', reserve_not_met: '未达保留价', handed_over: '转入后续程序' };

export function PhaseTag({ phase }: { phase: string }) {
  const p = PHASE[phase] ?? { text: phase, color: 'default' };
  return <Tag color={p.color}>{p.text}</Tag>;
}

/** The lot as everyone sees it: price, next valid price, leader's paddle, a countdown on the server's clock, the feed. */
export function LotBoard({ live, myPaddle, side }: { live: LiveState; myPaddle?: number | null; side?: ReactNode }) {
  const now = useNow(200);
  const { lot, feed, skew, connected, resets } = live;
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (!resets) return;
    setFlash(true);
    const t = setTimeout(() => setFlash(false), 1200);
    return () => clearTimeout(t);
  }, [resets]);
  if (!lot) return null;
  const end = lot.endsAt ? new Date(lot.endsAt).getTime() : null;
  const left = end ? end - (now + skew) : null;
  const start = lot.startsAt ? new Date(lot.startsAt).getTime() : null;
  const notStarted = lot.phase === 'pending' || (start !== null && start > now + skew);
  const paddle = (n: number | null | undefined) => (n ? <span className={`paddle${n === myPaddle ? ' mine' : ''}`}>{n}</span> : '—');

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card
          title={
            <Space>
              <span>{lot.title}</span>
              <PhaseTag phase={lot.phase} />
            </Space>
          }
          extra={<Badge status={connected ? 'success' : 'default'} text={connected ? '实时连接' : '连接中…'} />}
        >
          <Row gutter={[24, 16]}>
            <Col span={12}>
              <div className="muted">当前价(元)</div>
              <div className="live-price" data-testid="current-price">
                {lot.currentPrice ? yuan(lot.currentPrice) : '尚无出价'}
              </div>
              <div className="muted" style={{ marginTop: 4 }}>
                起始价 {yuan(lot.startPrice)} · 领先竞买号 {paddle(lot.leaderPaddle)}
              </div>
            </Col>
            <Col span={12}>
              <div className="muted">{lot.phase === 'ended' ? '结果' : notStarted ? '距开始' : lot.phase === 'live' ? '倒计时(每次有效出价重新计时)' : '距挂牌截止'}</div>
              {lot.phase === 'ended' ? (
                <div className="live-countdown" data-testid="outcome">
                  {OUTCOME[lot.outcome ?? ''] ?? lot.outcome}
                  {lot.winnerPaddle ? <span style={{ fontSize: 18, marginLeft: 8 }}>竞得竞买号 {paddle(lot.winnerPaddle)}</span> : null}
                </div>
              ) : (
                <div
                  className={`live-countdown${left !== null && left < 10000 && lot.phase === 'live' ? ' urgent' : ''}${flash ? ' live-reset' : ''}`}
                  data-testid="countdown"
                  data-ends-at={lot.endsAt ?? ''}
                  data-resets={resets}
                >
                  {notStarted && start ? countdown(start - (now + skew)) : left !== null ? countdown(left) : '—'}
                </div>
              )}
              <div className="muted" style={{ marginTop: 4 }}>
                截止 {lot.endsAt ? clock(lot.endsAt) : '—'}(北京时间,以服务器时间为准)
              </div>
            </Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={8}>
              <Statistic title="下一有效价(元)" value={lot.nextMinimum ? yuan(lot.nextMinimum, false) : '—'} valueStyle={{ fontSize: 20 }} />
            </Col>
            <Col span={8}>
              <Statistic title="出价次数" value={lot.bids} valueStyle={{ fontSize: 20 }} />
            </Col>
            <Col span={8}>
              <Statistic title="限时竞价周期" value={`${lot.countdownSeconds} 秒`} valueStyle={{ fontSize: 20 }} />
            </Col>
          </Row>
        </Card>
        {side && <div style={{ marginTop: 16 }}>{side}</div>}
      </Col>
      <Col xs={24} lg={9}>
        <Card title="竞价记录(仅显示竞买号)" bodyStyle={{ padding: 0 }}>
          <List
            className="feed"
            data-testid="feed"
            dataSource={feed}
            locale={{ emptyText: '暂无竞价记录' }}
            renderItem={(f) => (
              <List.Item style={{ padding: '10px 16px' }} data-seq={f.seq}>
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                    <span>
                      {f.paddle ? paddle(f.paddle) : null} <Typography.Text strong={f.kind !== 'bid'}>{f.text}</Typography.Text>
                    </span>
                    {f.price && <span className="money">{yuan(f.price)}</span>}
                  </Space>
                  <span className="muted" style={{ fontSize: 12 }}>
                    #{f.seq} · {time(f.at)}
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

import { Table, Tag } from 'antd';
import { Order } from '../../api/workspace-types';
import { time, yuan } from '../../format';
import { ORDER_STATUS } from '../../workspace-labels';
import { OrderItems, OrderTimeline } from '../owner/mall/Orders';

const STEP: Record<string, string> = { confirmation: '确认', acceptance: '验收', payment: '支付' };

/**
 * The orders of one side of the e-mall: number and source, the other party, amount, status, whose step is due and by
 * when ("我方" for the side reading), and the side's own actions; each row opens into its items and timeline.
 */
export function OrdersTable({ orders, side, actions, actionsWidth }: { orders: Order[]; side: 'purchaser' | 'supplier'; actions: (o: Order) => React.ReactNode; actionsWidth: number }) {
  const other = side === 'purchaser' ? '供应商' : '采购人';
  return (
    <Table<Order>
      rowKey="id"
      dataSource={orders}
      scroll={{ x: side === 'purchaser' ? 980 : 900 }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      expandable={{ expandedRowRender: (o) => <><OrderItems o={o} /><OrderTimeline o={o} /></> }}
      onRow={(o) => ({ 'data-testid': `order-${o.no}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '订单', render: (_, o) => <><span className="mono">{o.no}</span><div className="muted">{o.source === 'quote' ? '网上竞价' : '直购'} · {time(o.placedAt)}</div></> },
        { title: other, render: (_, o) => (side === 'purchaser' ? o.supplier.name : o.purchaser.name) },
        { title: '金额', dataIndex: 'total', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
        { title: '状态', dataIndex: 'status', width: 100, render: (s) => <Tag color={ORDER_STATUS[s]?.color} data-testid="order-status">{ORDER_STATUS[s]?.text ?? s}</Tag> },
        {
          title: '待办',
          width: 190,
          render: (_, o) =>
            o.pending ? (
              <span>
                {o.pending.responsible === side ? '我方' : other}
                {STEP[o.pending.step] ?? o.pending.step}
                <div className="muted">期限 {time(o.pending.dueAt)}</div>
              </span>
            ) : (
              <span className="muted">—</span>
            ),
        },
        { title: '', width: actionsWidth, render: (_, o) => actions(o) },
      ]}
    />
  );
}

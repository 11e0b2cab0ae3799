import { useState } from 'react';
import { App, Button, Form, Input, Modal, Rate, Space, Table, Tag, Timeline } from 'antd';
import { api } from '../../../api/client';
import { Order } from '../../../api/workspace-types';
import { confirmBinding } from '../../../components/BindingConfirm';
import { typedMoneyRule, useAction } from '../../../components/actions';
import { Loaded, Refusal, useLoad } from '../../../components/states';
import { time, yuan } from '../../../format';
import { typedYuan } from '../../../money-words';
import { OrdersTable } from '../../mall/OrdersTable';

type OrderAction = { kind: 'reject' | 'payment' | 'rating'; order: Order };


/** The order's facts in time order: placed, confirmed, delivered (the note), accepted or rejected (reasons), paid, cancelled. */
export function OrderTimeline({ o }: { o: Order }) {
  const items = [
    { at: o.placedAt, text: `下单(${o.source === 'quote' ? '网上竞价成交' : '直购'}),预算指标 ${o.budgetLine.code} ${o.budgetLine.name}` },
    o.confirmedAt && { at: o.confirmedAt, text: '供应商确认订单' },
    o.deliveredAt && { at: o.deliveredAt, text: `供应商发货:${o.deliveryNote ?? ''}` },
    o.acceptedAt && { at: o.acceptedAt, text: '验收合格' },
    o.rejectedAt && { at: o.rejectedAt, text: `验收不合格:${(o.rejectionReasons ?? []).join(';')}` },
    o.paidAt && { at: o.paidAt, text: `已登记支付,凭证号 ${o.paymentReference ?? ''}` },
    o.cancelledAt && { at: o.cancelledAt, text: '订单已取消,预算已释放' },
  ].filter(Boolean) as { at: string; text: string }[];
  return <Timeline style={{ marginTop: 20 }} items={items.map((i) => ({ children: <><span className="muted">{time(i.at)}</span> {i.text}</> }))} />;
}

export function OrderItems({ o }: { o: Order }) {
  return (
    <Table
      size="small"
      rowKey="lineNo"
      pagination={false}
      dataSource={o.items}
      scroll={{ x: 520 }}
      columns={[
        { title: '品名', dataIndex: 'description' },
        { title: '数量', dataIndex: 'quantity', width: 80 },
        { title: '单价', dataIndex: 'unitPrice', align: 'right', render: (v) => yuan(v) },
        { title: '金额', dataIndex: 'amount', align: 'right', render: (v) => yuan(v) },
      ]}
    />
  );
}

function OrderActionModal({ action, onClose, onDone }: { action: OrderAction | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const { busy, refusal, setRefusal, run } = useAction();
  if (!action) return null;
  const o = action.order;
  const submit = async (v: Record<string, unknown>) => {
    let body: unknown;
    if (action.kind === 'reject') body = { reasons: String(v.reasons).split(/[;;\n]/).map((s) => s.trim()).filter(Boolean) };
    else if (action.kind === 'rating') body = { quality: v.quality, delivery: v.delivery, service: v.service, comment: String(v.comment).trim() };
    else {
      const amount = typedYuan(String(v.amount))!;
      const ok = await confirmBinding(modal, {
        title: '确认登记支付',
        amountYuan: amount,
        amountLabel: '支付金额',
        lines: [
          { label: '订单', value: `${o.no}(订单金额 ${yuan(o.total)})` },
          { label: '收款方', value: o.supplier.name },
          { label: '支付凭证号', value: String(v.reference).trim() },
        ],
        warning: '支付登记后不能更改;支付金额须等于订单金额。',
        okText: '确认登记',
      });
      if (!ok) return;
      body = { reference: String(v.reference).trim(), amount };
    }
    const done = { reject: '已记录验收不合格', payment: '已登记支付', rating: '评价已提交' }[action.kind];
    if (await run(action.kind, () => api.post(`/procurement/orders/${o.id}/${action.kind}`, body), done)) {
      form.resetFields();
      onDone();
    }
  };
  return (
    <Modal open title={{ reject: '验收不合格', payment: '登记支付', rating: '评价供应商' }[action.kind] + ` · ${o.no}`} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy !== null, ...({ 'data-testid': 'order-action-ok' } as object) }} okText="提交" cancelText="取消" destroyOnClose>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amount: yuan(o.total, false), quality: 5, delivery: 5, service: 5 }}>
        {action.kind === 'reject' && (
          <Form.Item name="reasons" label="不合格理由(多条以分号分隔)" rules={[{ required: true, message: '请填写理由' }]}><Input.TextArea rows={3} /></Form.Item>
        )}
        {action.kind === 'payment' && (
          <>
            <Form.Item name="reference" label="支付凭证号" rules={[{ required: true, min: 4, max: 64, message: '4–64 位凭证号' }]}><Input data-testid="payment-reference" /></Form.Item>
            <Form.Item name="amount" label={`支付金额(须等于订单金额 ${yuan(o.total)})`} rules={[{ required: true, message: '请填写支付金额' }, typedMoneyRule]}><Input addonAfter="元" data-testid="payment-amount" /></Form.Item>
          </>
        )}
        {action.kind === 'rating' && (
          <>
            <Form.Item name="quality" label="质量"><Rate data-testid="rate-quality" /></Form.Item>
            <Form.Item name="delivery" label="交付"><Rate /></Form.Item>
            <Form.Item name="service" label="服务"><Rate /></Form.Item>
            <Form.Item name="comment" label="评价内容" rules={[{ required: true, message: '请填写评价' }]}><Input.TextArea rows={3} placeholder="到货及时,包装完好。" data-testid="rate-comment" /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 我的订单 (purchaser): acceptance, payment and cancellation go through the binding confirmation; rejection and rating are forms. */
export function Orders({ reloadKey, onBudgetChanged }: { reloadKey: number; onBudgetChanged: () => void }) {
  const { modal } = App.useApp();
  const orders = useLoad(() => api.get<Order[]>('/procurement/orders/mine'), [reloadKey]);
  const { busy, refusal, setRefusal, run } = useAction();
  const [action, setAction] = useState<OrderAction | null>(null);
  const [rated, setRated] = useState<Set<string>>(new Set());

  const accept = async (o: Order) => {
    const ok = await confirmBinding(modal, {
      title: '确认验收合格',
      amountYuan: o.total,
      amountLabel: '验收金额',
      lines: [
        { label: '订单', value: o.no },
        { label: '供应商', value: o.supplier.name },
        { label: '送货单', value: o.deliveryNote ?? '—' },
      ],
      warning: '验收合格即确认货物与订单相符,进入付款期限;验收结论不能撤回。',
      okText: '确认验收合格',
    });
    if (ok && (await run(`acc-${o.id}`, () => api.post(`/procurement/orders/${o.id}/accept`), '验收合格'))) orders.reload();
  };
  const cancel = async (o: Order) => {
    const ok = await confirmBinding(modal, {
      title: '确认取消订单',
      amountYuan: o.total,
      amountLabel: '释放预算',
      lines: [{ label: '订单', value: o.no }, { label: '供应商', value: o.supplier.name }, { label: '确认期限', value: time(o.confirmDue) }],
      warning: '供应商超过确认期限未确认时可取消;取消后订单金额退回预算指标。',
      okText: '确认取消',
    });
    if (ok && (await run(`cancel-${o.id}`, () => api.post(`/procurement/orders/${o.id}/cancel`), '订单已取消'))) (orders.reload(), onBudgetChanged());
  };

  return (
    <>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Loaded state={orders} empty={(l) => !l.length} emptyText="暂无订单">
        {(l) => (
          <OrdersTable
            orders={l}
            side="purchaser"
            actionsWidth={230}
            actions={(o) => (
            <Space wrap>
              {o.status === 'delivered' && <Button size="small" type="primary" loading={busy === `acc-${o.id}`} onClick={() => accept(o)} data-testid={`accept-${o.no}`}>验收合格</Button>}
              {o.status === 'delivered' && <Button size="small" danger onClick={() => setAction({ kind: 'reject', order: o })}>不合格</Button>}
              {o.status === 'accepted' && <Button size="small" type="primary" onClick={() => setAction({ kind: 'payment', order: o })} data-testid={`pay-${o.no}`}>登记支付</Button>}
              {['accepted', 'paid'].includes(o.status) && (rated.has(o.id) ? <Tag color="gold">已评价</Tag> : <Button size="small" onClick={() => setAction({ kind: 'rating', order: o })} data-testid={`rate-${o.no}`}>评价</Button>)}
              {o.status === 'placed' && <Button size="small" loading={busy === `cancel-${o.id}`} onClick={() => cancel(o)}>超期取消</Button>}
            </Space>
            )}
          />
        )}
      </Loaded>
      <OrderActionModal
        action={action}
        onClose={() => setAction(null)}
        onDone={() => {
          if (action?.kind === 'rating') setRated((s) => new Set([...s, action.order.id]));
          if (action?.kind === 'reject') onBudgetChanged();
          setAction(null);
          orders.reload();
        }}
      />
    </>
  );
}


import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Grid, InputNumber, List, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../../api/client';
import { MallProduct } from '../../../api/mall-types';
import { BudgetLine, Order } from '../../../api/workspace-types';
import { confirmBinding } from '../../../components/BindingConfirm';
import { useAction } from '../../../components/actions';
import { Refusal } from '../../../components/states';
import { yuan } from '../../../format';
import { CartLine, groupBySupplier, lineAmount, precheck, refreshCart, removeFromCart, setQuantity, SupplierGroup } from '../../mall/cart';

interface RuleSet {
  version: number;
  params: { amounts: Record<string, string> };
}

/** Details of a refusal people need besides the message: the budget left, the threshold, the new total. */
function RefusalDetails({ error }: { error: ApiError | null }) {
  const d = (error?.body.details ?? {}) as Record<string, string>;
  if (!error) return null;
  const text =
    error.code === 'BUDGET_EXCEEDED'
      ? `本单 ${yuan(d.total)},预算指标余额 ${yuan(d.remaining)}。`
      : error.code === 'DIRECT_PURCHASE_OVER_THRESHOLD'
        ? `本单 ${yuan(d.total)},直购上限 ${yuan(d.threshold)}(规则第 ${d.ruleSetVersion} 版),请拆分订单或发布网上竞价需求。`
        : error.code === 'ORDER_TOTAL_CHANGED'
          ? `您确认的金额 ${yuan(d.expected)},按现价为 ${yuan(d.total)};购物车已更新为现价,请核对后重新下单。`
          : null;
  return text ? <div className="refusal-details" data-testid="refusal-details" style={{ margin: '-8px 0 16px' }}>{text}</div> : null;
}

/**
 * 购物车: lines grouped by supplier (one direct order each), current prices re-read from the catalogue, a budget line,
 * and 直购下单 behind the binding confirmation (the total in figures and 大写); the API binds that total
 * (`expectedTotal`) and refuses in Chinese what it must (budget, threshold, a changed price).
 */
export function Cart({ cart, update, lines, onOrdered }: { cart: CartLine[]; update: (f: (c: CartLine[]) => CartLine[]) => void; lines: BudgetLine[]; onOrdered: (o: Order) => void }) {
  const { modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { busy, refusal, setRefusal, run } = useAction();
  const [lineId, setLineId] = useState<string | undefined>();
  const [seen, setSeen] = useState<Record<string, string>>({});
  const [refreshed, setRefreshed] = useState(0);
  const [threshold, setThreshold] = useState<{ amount: string; version: number } | null>(null);

  useEffect(() => {
    api.get<{ items: RuleSet[] }>('/rule-sets', { domain: 'procurement', sandbox: 'false', status: 'active' }).then(
      (r) => r.items[0] && setThreshold({ amount: r.items[0].params.amounts.directPurchaseThreshold, version: r.items[0].version }),
      () => setThreshold(null),
    );
  }, []);

  // Re-read every product: a price that moved since it was added is shown, an off-sale one cannot be ordered.
  const ids = cart.map((l) => l.productId).join(',');
  useEffect(() => {
    if (!ids) return;
    let live = true;
    const before = Object.fromEntries(cart.map((l) => [l.productId, l.product.price]));
    Promise.all(cart.map((l) => api.get<MallProduct>(`/public/procurement/products/${l.productId}`).then((p) => [l.productId, p] as const, () => [l.productId, { ...l.product, onSale: false }] as const))).then((found) => {
      if (!live) return;
      setSeen((s) => ({ ...before, ...s }));
      update((c) => refreshCart(c, new Map(found)));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, refreshed]);

  const line = lines.find((l) => l.id === lineId);
  const groups = groupBySupplier(cart);

  const order = async (g: SupplierGroup) => {
    if (!line) return;
    const count = g.lines.reduce((n, l) => n + l.quantity, 0);
    const ok = await confirmBinding(modal, {
      title: '确认直购下单',
      amountYuan: g.total,
      amountLabel: '订单金额',
      lines: [
        { label: '供应商', value: g.supplierName },
        { label: '商品', value: `${g.lines.length} 种,共 ${count} 件` },
        { label: '预算指标', value: `${line.code} ${line.name}(余额 ${yuan(line.remaining)})` },
      ],
      warning: '下单即占用预算指标;供应商确认后按规则时限发货。价格如已变动,系统将拒绝下单。',
      okText: '确认下单',
    });
    if (!ok) return;
    const placed = await run(`order-${g.supplierId}`, () =>
      api.post<Order>('/procurement/orders/direct', { budgetLineId: line.id, items: g.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), expectedTotal: g.total }),
    );
    if (placed) {
      update((c) => removeFromCart(c, g.lines.map((l) => l.productId)));
      onOrdered(placed);
    } else {
      setRefreshed((n) => n + 1);
    }
  };

  if (!cart.length) return <Empty description="购物车是空的:在“商品目录”中加入商品" data-testid="cart-empty" />;

  const qty = (l: CartLine) => (
    <InputNumber size="small" min={1} max={1_000_000} precision={0} value={l.quantity} style={{ width: 90 }} data-testid={`cart-qty-${l.productId}`} onChange={(v) => update((c) => setQuantity(c, l.productId, Number(v ?? 1)))} />
  );
  const priceCell = (l: CartLine) => (
    <>
      <span className="money">{yuan(l.product.price)}</span>
      {seen[l.productId] && seen[l.productId] !== l.product.price && <div><Tag color="warning">原价 {yuan(seen[l.productId])}</Tag></div>}
    </>
  );
  const remove = (l: CartLine) => <Button size="small" type="text" icon={<DeleteOutlined />} aria-label="移除" onClick={() => update((c) => removeFromCart(c, [l.productId]))} />;

  return (
    <div data-testid="cart">
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <span>预算指标</span>
          <Select
            style={{ width: 460, maxWidth: '100%' }}
            placeholder="选择本次采购使用的预算指标"
            value={lineId}
            onChange={setLineId}
            options={lines.map((l) => ({ value: l.id, label: `${l.code} ${l.name}(余额 ${yuan(l.remaining)})` }))}
            notFoundContent="请先在“预算指标”中登记"
            data-testid="cart-budget"
          />
          {threshold && <span className="muted">直购上限 {yuan(threshold.amount)}(现行规则第 {threshold.version} 版),超过须网上竞价</span>}
        </div>
      </Card>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <RefusalDetails error={refusal} />
      {groups.map((g) => {
        const off = g.lines.filter((l) => l.product.onSale === false);
        const check = precheck(g.total, threshold?.amount ?? null, line?.remaining ?? null);
        return (
          <Card
            key={g.supplierId}
            className="mall-group"
            size="small"
            title={<>供应商:{g.supplierName}</>}
            extra={screens.md ? <span className="muted">一家供应商一张订单</span> : undefined}
            data-testid={`cart-group-${g.supplierId}`}
          >
            {screens.md ? (
              <Table<CartLine>
                size="small"
                rowKey="productId"
                pagination={false}
                dataSource={g.lines}
                columns={[
                  { title: '商品', render: (_, l) => <>{l.product.name}{l.product.onSale === false && <Tag color="error" style={{ marginLeft: 8 }}>已下架</Tag>}<div className="muted">{l.product.brand} {l.product.model}</div></> },
                  { title: '单价', width: 150, align: 'right', render: (_, l) => priceCell(l) },
                  { title: '数量', width: 120, render: (_, l) => <>{qty(l)} <span className="muted">{l.product.unit}</span></> },
                  { title: '金额', width: 150, align: 'right', render: (_, l) => <span className="money">{yuan(lineAmount(l.product.price, l.quantity))}</span> },
                  { title: '', width: 50, render: (_, l) => remove(l) },
                ]}
              />
            ) : (
              <List<CartLine>
                dataSource={g.lines}
                renderItem={(l) => (
                  <List.Item extra={remove(l)}>
                    <div style={{ width: '100%' }}>
                      <div>{l.product.name}{l.product.onSale === false && <Tag color="error" style={{ marginLeft: 8 }}>已下架</Tag>}</div>
                      <div>{priceCell(l)} × {qty(l)} = <span className="money">{yuan(lineAmount(l.product.price, l.quantity))}</span></div>
                    </div>
                  </List.Item>
                )}
              />
            )}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginTop: 12 }}>
              <span>
                合计 <span className="mall-group-total money" data-testid={`cart-total-${g.supplierId}`}>{yuan(g.total)}</span>
              </span>
              <Button type="primary" disabled={!line || off.length > 0} loading={busy === `order-${g.supplierId}`} onClick={() => order(g)} data-testid={`cart-order-${g.supplierId}`}>
                直购下单
              </Button>
            </div>
            {!line && <div className="muted" style={{ marginTop: 8 }}>请先选择预算指标。</div>}
            {off.length > 0 && <Alert style={{ marginTop: 8 }} type="error" showIcon message="含已下架商品,请移除后再下单" />}
            {check.overThreshold && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={`超过直购上限 ${yuan(threshold!.amount)}:请减少数量,或发布网上竞价需求`} />}
            {check.overBudget && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={`超过所选预算指标的余额 ${yuan(line!.remaining)}(以下单时服务器核对为准)`} data-testid="cart-over-budget" />}
          </Card>
        );
      })}
    </div>
  );
}

import { App, Button, Drawer, Grid, Space, Table } from 'antd';
import { CloseOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { MallProduct } from '../../../api/mall-types';
import { yuan } from '../../../format';
import { differingFields, MAX_COMPARE } from '../../mall/cart';
import { regionName } from '../../mall/regions';
import { CertificateCell } from './Catalogue';

const ROWS: { key: keyof MallProduct; label: string; render?: (p: MallProduct) => React.ReactNode }[] = [
  { key: 'price', label: '单价', render: (p) => <b className="money">{yuan(p.price)}</b> },
  { key: 'unit', label: '计量单位', render: (p) => `${p.unit}${p.packingUnit ? `(${p.packingUnit})` : ''}` },
  { key: 'brand', label: '品牌' },
  { key: 'model', label: '型号' },
  { key: 'categoryName', label: '品目', render: (p) => `${p.categoryCode} ${p.categoryName}` },
  { key: 'specs', label: '规格参数' },
  { key: 'stock', label: '库存' },
  { key: 'regions', label: '供货区域', render: (p) => p.regions.map(regionName).join('、') },
  { key: 'supplierName', label: '供应商' },
  { key: 'rating', label: '供应商评分', render: (p) => (p.rating ? `${p.rating} 分(${p.ratingCount} 条评价)` : '暂无评价') },
  { key: 'certificateNo', label: '注册证', render: (p) => <CertificateCell p={p} /> },
];

/** The bar under the catalogue while products are picked for comparison. */
export function CompareBar({ list, onOpen, onClear }: { list: MallProduct[]; onOpen: () => void; onClear: () => void }) {
  if (!list.length) return null;
  return (
    <div className="mall-compare-bar" data-testid="compare-bar">
      <span>
        已选 <b>{list.length}</b> / {MAX_COMPARE} 件商品对比:{list.map((p) => p.name).join('、')}
      </span>
      <Space>
        <Button type="primary" disabled={list.length < 2} onClick={onOpen} data-testid="compare-open">开始对比</Button>
        <Button onClick={onClear}>清空</Button>
      </Space>
    </div>
  );
}

/** Side by side, one column per product; the rows where they differ are highlighted. */
export function CompareDrawer({ open, list, onClose, onRemove, onAdd }: { open: boolean; list: MallProduct[]; onClose: () => void; onRemove: (p: MallProduct) => void; onAdd: (p: MallProduct) => void }) {
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const differs = differingFields(list, ROWS.map((r) => r.key));
  return (
    <Drawer open={open} onClose={onClose} title={`商品对比(${list.length} 件)`} width={screens.md ? Math.min(1180, 260 + list.length * 240) : '100%'} destroyOnClose>
      <div style={{ marginBottom: 8 }} className="muted">底色标出的行各商品不同。</div>
      <Table
        className="mall-compare-table"
        data-testid="compare-table"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 120 + list.length * 200 }}
        rowKey="key"
        dataSource={ROWS}
        columns={[
          { title: '', dataIndex: 'label', width: 110, fixed: 'left', render: (l: string, r) => <b data-diff={differs.has(r.key) ? 'yes' : 'no'}>{l}</b> },
          ...list.map((p) => ({
            key: p.id,
            width: 200,
            title: (
              <div>
                <div className="mall-product-name">{p.name}</div>
                <Space size={4} style={{ marginTop: 4 }}>
                  <Button size="small" type="primary" icon={<ShoppingCartOutlined />} onClick={() => (onAdd(p), message.success(`已加入购物车:${p.name}`))} data-testid={`compare-add-${p.id}`}>加入购物车</Button>
                  <Button size="small" icon={<CloseOutlined />} onClick={() => onRemove(p)} aria-label="移出对比" />
                </Space>
              </div>
            ),
            onCell: (r: (typeof ROWS)[number]) => ({ className: differs.has(r.key) ? 'mall-diff' : undefined }),
            render: (_: unknown, r: (typeof ROWS)[number]) => (r.render ? r.render(p) : String(p[r.key] ?? '—')),
          })),
        ]}
      />
    </Drawer>
  );
}

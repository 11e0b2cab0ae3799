import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { Agreement, SupplierProduct } from '../../../api/mall-types';
import { useAction } from '../../../components/actions';
import { Loadable, Loaded, Refusal, useLoad } from '../../../components/states';
import { beijingDay } from '../../../format';
import { certificateState } from '../../mall/cart';
import { daysUntil } from './Products';

const KIND: Record<string, string> = { framework: '协议供货', designated: '定点采购' };
const CERTIFICATE_NO = /^[\u4e00-\u9fff]{1,4}械注[准进许]\d{11}$/;

function CertificateState({ validUntil }: { validUntil: string }) {
  const s = certificateState(validUntil, beijingDay())!;
  if (s.state === 'expired') return <Tag color="error" data-testid="cert-state">已过期</Tag>;
  if (s.state === 'expiring') return <Tag color="warning" data-testid="cert-state">{s.daysLeft === 0 ? '今日到期' : `${s.daysLeft} 天后到期`}</Tag>;
  return <Tag color="success" data-testid="cert-state">有效(剩 {s.daysLeft} 天)</Tag>;
}

/** 换证: a renewed certificate (number and last valid day); a product taken off for an expired one goes back on sale with it. */
function Renew({ p, onClose, onDone }: { p: SupplierProduct; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ certificateNo: string; certificateValidUntil: Dayjs }>();
  const { busy, refusal, setRefusal, run } = useAction();
  const submit = async (v: { certificateNo: string; certificateValidUntil: Dayjs }) => {
    const body = {
      certificateNo: v.certificateNo.trim(),
      certificateValidUntil: v.certificateValidUntil.format('YYYY-MM-DD'),
      ...(p.status === 'off_sale' && p.offSaleReason === 'certificate_expired' ? { onSale: true } : {}),
    };
    if (await run('renew', () => api.patch(`/procurement/products/${p.id}`, body), '注册证已更新')) onDone();
  };
  return (
    <Modal open title={`更新注册证 · ${p.name}`} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" okButtonProps={{ loading: busy === 'renew' }} destroyOnClose>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ certificateNo: p.certificateNo ?? '' }}>
        <Form.Item name="certificateNo" label="医疗器械注册证号" rules={[{ required: true, pattern: CERTIFICATE_NO, message: '如 国械注准20193140123' }]}><Input /></Form.Item>
        <Form.Item name="certificateValidUntil" label="有效期至" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
      {p.offSaleReason === 'certificate_expired' && <Alert type="info" showIcon message="该商品因注册证过期已下架,保存有效的新证后自动重新上架。" />}
    </Modal>
  );
}

/**
 * 协议与资质: the organisation's framework agreements (public list, filtered to it) with validity, and the medical
 * device registration certificates of its consumables with their expiry (the product goes off sale the day after).
 */
export function Qualifications({ organisationId, products }: { organisationId: string; products: Loadable<SupplierProduct[]> }) {
  const agreements = useLoad(() => api.get<Agreement[]>('/procurement/agreements', { organisationId }), [organisationId]);
  const [renewing, setRenewing] = useState<SupplierProduct | null>(null);
  return (
    <>
      <Card size="small" title="框架协议(协议供货 / 定点采购)" style={{ marginBottom: 16 }} data-testid="agreements">
        <Loaded state={agreements} empty={(l) => !l.length} emptyText="尚无框架协议:协议由交易中心登记,登记后可在协议品目内上架商品和参加网上竞价">
          {(l) => (
            <Table<Agreement>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={l}
              scroll={{ x: 700 }}
              columns={[
                { title: '协议编号', dataIndex: 'agreementNo', render: (v) => <span className="mono">{v}</span> },
                { title: '品目', render: (_, a) => `${a.categoryCode} ${a.categoryName}(含下级)` },
                { title: '类型', dataIndex: 'kind', width: 100, render: (k) => KIND[k] ?? k },
                { title: '有效期', width: 220, render: (_, a) => `${a.validFrom} 至 ${a.validUntil}` },
                {
                  title: '状态',
                  width: 150,
                  render: (_, a) => {
                    if (a.valid) {
                      const d = daysUntil(a.validUntil);
                      return d <= 90 ? <Tag color="warning">有效({d} 天后到期)</Tag> : <Tag color="success">有效</Tag>;
                    }
                    return a.validFrom > beijingDay() ? <Tag color="processing">未生效</Tag> : <Tag color="error">已过期</Tag>;
                  },
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
      <Card size="small" title="医疗器械注册证(医用耗材)" data-testid="certificates">
        <Loaded state={products} empty={(l) => !l.some((p) => p.certificateNo)} emptyText="没有须注册证的商品(医用耗材上架时填写注册证)">
          {(l) => (
            <Table<SupplierProduct>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 760 }}
              dataSource={l.filter((p) => p.certificateNo)}
              onRow={(p) => ({ 'data-testid': `cert-${p.certificateNo}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: '注册证号', dataIndex: 'certificateNo', render: (v) => <span className="mono">{v}</span> },
                { title: '商品', render: (_, p) => <>{p.name}<div className="muted">{p.brand} {p.model} · {p.packingUnit}</div></> },
                { title: '有效期至', dataIndex: 'certificateValidUntil', width: 110 },
                { title: '证书状态', width: 150, render: (_, p) => <CertificateState validUntil={p.certificateValidUntil!} /> },
                { title: '商品状态', width: 130, render: (_, p) => (p.status === 'on_sale' ? <Tag color="success">在售</Tag> : <Tag>{p.offSaleReason === 'certificate_expired' ? '过期下架' : '已下架'}</Tag>) },
                { title: '', width: 90, render: (_, p) => <Button size="small" onClick={() => setRenewing(p)}>换证</Button> },
              ]}
            />
          )}
        </Loaded>
        <div className="muted" style={{ marginTop: 8 }}>注册证有效期最后一日的次日零时(北京时间),系统自动下架该商品。</div>
      </Card>
      {renewing && <Renew p={renewing} onClose={() => setRenewing(null)} onDone={() => (setRenewing(null), products.reload())} />}
    </>
  );
}

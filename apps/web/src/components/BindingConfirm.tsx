import { Descriptions, Typography } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';
import { yuan } from '../format';
import { yuanInWords } from '../money-words';

export interface BindingAction {
  /** what the person commits to: "确认出价", "确认递交投标文件", "确认定标" */
  title: string;
  /** the amount in yuan as the API takes it ("85000000.00"); shown in figures and in 大写 */
  amountYuan?: string | null;
  /** what the amount is ("出价", "投标报价", "中标金额") */
  amountLabel?: string;
  /** other facts the person confirms (project, section, lot, paddle) */
  lines?: { label: string; value: string }[];
  /** the consequence, e.g. "出价一经确认不可撤回" */
  warning?: string;
  okText?: string;
}

/**
 * Every binding action (a bid, a quote, an award, a contract, a decision) goes through this dialog: the amount in
 * figures and in 大写, the facts it binds, and an explicit confirmation. Resolves true only on 确认.
 * Use with antd's `App.useApp().modal` (or `Modal.useModal()`).
 */
export function confirmBinding(modal: HookAPI, a: BindingAction): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: a.title,
      width: 520,
      okText: a.okText ?? '确认',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'binding-ok' } as Record<string, string>,
      cancelButtonProps: { 'data-testid': 'binding-cancel' } as Record<string, string>,
      content: (
        <div data-testid="binding-confirm">
          <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
            {a.amountYuan ? (
              <>
                <Descriptions.Item label={`${a.amountLabel ?? '金额'}(小写)`}>
                  <Typography.Text strong data-testid="binding-figures">{yuan(a.amountYuan)}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={`${a.amountLabel ?? '金额'}(大写)`}>
                  <Typography.Text strong data-testid="binding-words">{yuanInWords(a.amountYuan) ?? '—'}</Typography.Text>
                </Descriptions.Item>
              </>
            ) : null}
            {(a.lines ?? []).map((l) => (
              <Descriptions.Item key={l.label} label={l.label}>{l.value}</Descriptions.Item>
            ))}
          </Descriptions>
          {a.warning ? <Typography.Paragraph type="warning" style={{ marginTop: 12, marginBottom: 0 }}>{a.warning}</Typography.Paragraph> : null}
        </div>
      ),
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/** antd Form rule for a money input that accepts thousands separators ("85,000,000"); normalise with typedYuan. */
export { typedYuan } from '../money-words';

import { Tag } from 'antd';

export function StatusTag({ map, value }: { map: Record<string, { text: string; color: string }>; value: string | null | undefined }) {
  if (!value) return <Tag>—</Tag>;
  const s = map[value] ?? { text: value, color: 'default' };
  return <Tag color={s.color}>{s.text}</Tag>;
}

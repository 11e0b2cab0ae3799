import { Space, Tag } from 'antd';
import { DOMAIN_LABEL } from '../format';
import { DOMAIN_COLOUR } from '../oversight-labels';

/** A project in a table cell: its name, over its domain tag and code. */
export function ProjectCell({ project }: { project: { name: string; code: string; domain: string } }) {
  return (
    <Space direction="vertical" size={0}>
      <span>{project.name}</span>
      <Space size={4}>
        <Tag color={DOMAIN_COLOUR[project.domain]} bordered={false}>{DOMAIN_LABEL[project.domain]}</Tag>
        <span className="muted mono">{project.code}</span>
      </Space>
    </Space>
  );
}

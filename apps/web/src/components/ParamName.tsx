import { Tag, Tooltip } from 'antd';
import { ParamLabel } from '../rule-labels';

/**
 * A parameter's name: Chinese first, its legal source beside it, English second. The code name is for the committee's
 * own pages (`showCode`); the public sees it only as a tooltip, and a parameter the API did not name in Chinese reads
 * 未命名参数 rather than its code.
 */
export function ParamName({ label, field, showCode = true }: { label: ParamLabel; field: string; showCode?: boolean }) {
  const named = label.zh !== field;
  const zh = named ? label.zh : '未命名参数';
  return (
    <div className="param-name" data-field={field}>
      <div>
        {showCode ? zh : <Tooltip title={`参数代码 ${field}`}><span>{zh}</span></Tooltip>}
        {label.law && <Tag bordered={false} color="gold" className="param-law">依据 {label.law}</Tag>}
      </div>
      <div className="muted param-en">
        {named && label.en !== label.zh ? label.en : ''}
        {showCode && <span className="mono param-code">{field}</span>}
      </div>
    </div>
  );
}

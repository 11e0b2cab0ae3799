import { Tag } from 'antd';
import { ParamLabel } from '../rule-labels';

/** A parameter's name: Chinese first, English second, the code name and legal source small. */
export function ParamName({ label, field }: { label: ParamLabel; field: string }) {
  return (
    <div className="param-name" data-field={field}>
      <div>{label.zh}{label.law && <Tag bordered={false} className="param-law">{label.law}</Tag>}</div>
      <div className="muted param-en">{label.en !== label.zh ? label.en : ''}<span className="mono param-code">{field}</span></div>
    </div>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Spin, Tag, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../../api/client';
import { Complaint, Objection } from '../../../api/oversight-types';
import { Page as Paged, PublicProject, Tender } from '../../../api/types';
import { OpeningObjection } from '../../../api/workspace-types';
import { Page } from '../../../components/AppLayout';
import { asApiError, Refusal, useLoad } from '../../../components/states';
import { DOMAIN_LABEL, time } from '../../../format';
import '../../../oversight.css';

const EXTENSIONS = ['pdf', 'ofd', 'jpg', 'jpeg', 'png', 'zip', 'doc', 'docx', 'txt'];
const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;

async function publishedProjects(): Promise<PublicProject[]> {
  const out: PublicProject[] = [];
  for (let page = 1; page <= 10; page++) {
    const r = await api.get<Paged<PublicProject>>('/public/projects', { page, pageSize: 100 });
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) break;
  }
  return out;
}

/** An objection to the opening or to the candidates: the ones a complaint in tendering must follow (条例 60). */
type AnyObjection = Objection | OpeningObjection;

/** The bidder's own objections in a tender that may ground a complaint: answered, or unanswered past the reply time. */
async function qualifyingObjections(projectId: string): Promise<{ all: AnyObjection[]; qualifying: AnyObjection[] }> {
  const tender = await api.get<Tender>(`/public/tenders/${projectId}`);
  const lists = await Promise.all<AnyObjection[]>([
    api.get<OpeningObjection[]>(`/tenders/${projectId}/opening-objections`).catch(() => [] as OpeningObjection[]),
    ...tender.sections.map((s) => api.get<Objection[]>(`/tenders/${projectId}/sections/${s.no}/objections`).catch(() => [] as Objection[])),
  ]);
  const all = lists.flat().filter((o) => o.mine);
  const now = Date.now();
  return { all, qualifying: all.filter((o) => o.reply !== null || (o.replyDue !== null && new Date(o.replyDue).getTime() < now)) };
}

function ObjectionChoice({ o }: { o: AnyObjection }) {
  return (
    <div style={{ padding: '4px 0' }}>
      <Space size={6}>
        <Tag>{o.stage === 'opening' ? '开标异议' : '评标结果异议'}</Tag>
        {o.reply ? <Tag color="orange">已答复</Tag> : <Tag color="red">逾期未答复</Tag>}
        <span className="muted">{time(o.raisedAt)}</span>
      </Space>
      <div style={{ marginTop: 4 }}>{o.content}</div>
      {o.reply && <div className="muted">答复({time(o.repliedAt)}):{o.reply}</div>}
    </div>
  );
}

/** 提出投诉: POST /complaints (multipart), with the objection it follows in tendering and 1–5 evidence files. */
export function FileComplaint() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const [projectId, setProjectId] = useState<string | undefined>(params.get('projectId') ?? undefined);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const projects = useLoad(publishedProjects, []);
  const project = projects.data?.find((p) => p.id === projectId);
  const objections = useLoad(() => (project?.domain === 'tendering' ? qualifyingObjections(project.id) : Promise.resolve(null)), [project?.id]);
  const blocked = project?.domain === 'tendering' && objections.data && objections.data.qualifying.length === 0;

  const submit = async (v: { objectionId?: string; grounds: string }) => {
    if (!project) return;
    const fd = new FormData();
    fd.append('projectId', project.id);
    if (project.domain === 'tendering' && v.objectionId) fd.append('objectionId', v.objectionId);
    fd.append('grounds', v.grounds.trim());
    for (const f of files) fd.append('evidence', f.originFileObj as File, f.name);
    setBusy(true);
    setRefusal(null);
    try {
      await api.form<Complaint>('/complaints', fd);
      message.success('投诉已提交,监督部门将在受理期限内审查');
      navigate('/workspace/bidder/complaints');
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="提出投诉" sub="投诉书连同证明材料提交后,由管理办公室或该领域行业监管部门审查受理;处理决定将依法公开">
      <Row gutter={16}>
        <Col span={16}>
          <Card>
            <Refusal error={refusal} onClose={() => setRefusal(null)} />
            <Form form={form} layout="vertical" onFinish={submit} initialValues={{ projectId }}>
              <Form.Item name="projectId" label="被投诉项目" rules={[{ required: true, message: '请选择项目' }]}>
                <Select
                  showSearch
                  placeholder="输入项目名称或编号"
                  optionFilterProp="label"
                  loading={projects.loading}
                  onChange={(v) => (setProjectId(v), form.setFieldValue('objectionId', undefined))}
                  options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}(${DOMAIN_LABEL[p.domain]})` }))}
                  data-testid="complaint-project"
                />
              </Form.Item>
              {project?.domain === 'tendering' && (
                <Form.Item name="objectionId" label="所依据的异议(招标投标须先提出异议)" rules={[{ required: true, message: '请选择所依据的异议' }]}>
                  {objections.loading && !objections.data ? (
                    <Spin />
                  ) : objections.error ? (
                    <Alert type="warning" showIcon message={objections.error.zh} />
                  ) : blocked ? (
                    <Alert
                      type="info"
                      showIcon
                      message="本项目尚无可据以投诉的异议"
                      description={
                        objections.data!.all.length
                          ? '本单位的异议尚在答复期限内,答复或逾期未答复后方可投诉。'
                          : '依照招标投标法实施条例第六十条,对开标、评标结果等事项投诉前应先向招标人(交易中心)提出异议。'
                      }
                    />
                  ) : (
                    <Radio.Group style={{ width: '100%' }} data-testid="complaint-objections">
                      <Space direction="vertical" style={{ width: '100%' }}>
                        {objections.data?.qualifying.map((o) => (
                          <Radio key={o.id} value={o.id}>
                            <ObjectionChoice o={o} />
                          </Radio>
                        ))}
                      </Space>
                    </Radio.Group>
                  )}
                </Form.Item>
              )}
              <Form.Item name="grounds" label="投诉事项与理由" rules={[{ required: true, whitespace: true, message: '请写明投诉事项与理由' }, { max: 5000, message: '最多 5000 字' }]}>
                <Input.TextArea rows={6} showCount maxLength={5000} placeholder="写明被投诉的事项、事实依据和具体请求" data-testid="complaint-grounds" />
              </Form.Item>
              <Form.Item
                label={`证明材料(1–${MAX_FILES} 份,每份不超过 10 MB;${EXTENSIONS.join('、')})`}
                required
                validateStatus={files.some((f) => f.status === 'error') ? 'error' : undefined}
                help={files.find((f) => f.status === 'error')?.response as string | undefined}
              >
                <Upload.Dragger
                  multiple
                  fileList={files}
                  accept={EXTENSIONS.map((e) => `.${e}`).join(',')}
                  beforeUpload={() => false}
                  onChange={({ fileList }) =>
                    setFiles(
                      fileList.slice(0, MAX_FILES).map((f) => {
                        const ext = f.name.split('.').pop()?.toLowerCase() ?? '';
                        const problem = !EXTENSIONS.includes(ext) ? '文件类型不在允许范围内' : (f.size ?? 0) > MAX_BYTES ? '文件超过 10 MB' : f.size === 0 ? '文件为空' : null;
                        return problem ? { ...f, status: 'error', response: `${f.name}:${problem}` } : { ...f, status: 'done' };
                      }),
                    )
                  }
                >
                  <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                  <p className="ant-upload-text">点击或拖拽文件到此处</p>
                  <p className="ant-upload-hint">材料仅供监督部门审查,不对外公开;提交时记录每份文件的 SHA-256 摘要</p>
                </Upload.Dragger>
              </Form.Item>
              <Space>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={busy}
                  disabled={!project || !!blocked || files.length === 0 || files.some((f) => f.status === 'error')}
                  data-testid="complaint-submit"
                >
                  提交投诉
                </Button>
                <Button onClick={() => navigate('/workspace/bidder/complaints')}>取消</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col span={8}>
          <Card title="投诉须知" size="small">
            <ul style={{ paddingLeft: 18, lineHeight: 1.9, margin: 0 }}>
              <li>工程建设招投标:对开标、评标结果的投诉须先提出异议;异议已答复或逾期未答复的,可在投诉期限内投诉。</li>
              <li>土地、政府采购、农村产权:直接投诉,由监督部门审查是否受理。</li>
              <li>被投诉人默认为项目的招标人(出让人、采购人、转出方)。</li>
              <li>监督部门可视情况暂停项目;处理决定(不含证明材料)将在「信息公开」中公示。</li>
            </ul>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}

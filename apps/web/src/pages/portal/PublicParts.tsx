import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Select, Space, Steps, Table, Tag, Timeline, Tooltip, Typography, Upload } from 'antd';
import { ClockCircleOutlined, DownloadOutlined, FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { PortalProject } from '../../api/oversight-types';
import { downloadFile, saveText } from '../../components/actions';
import { Loaded, Loadable, useLoad } from '../../components/states';
import { bytes, time } from '../../format';
import { Announcement, announcementText } from '../../announcement-text';
import { fieldText, HistoryVersion, Lifecycle, nextTimePoint, remaining, TimePoint, valueText } from '../../public-project';
import { useAuth } from '../../auth';
import { regionName, regionOptions } from '../../regions';

/** The portal's page of a project, with the moment it arrived (the countdown follows the server's clock from it). */
export type PortalProjectLoaded = PortalProject & { serverTime?: string; receivedAt: number };

/** GET /public/portal/projects/:id: suspensions, notices, documents and the server's time. */
export function usePortalProject(id: string | null | undefined): Loadable<PortalProjectLoaded | null> {
  return useLoad(async () => {
    if (!id) return null;
    const sent = Date.now();
    const d = await api.get<PortalProject & { serverTime?: string }>(`/public/portal/projects/${id}`);
    return { ...d, receivedAt: (sent + Date.now()) / 2 };
  }, [id]);
}

/** The server's clock, as `serverTime` said it was when the answer arrived; ticks every second. */
export function useServerNow(serverTime: string | undefined, receivedAt: number | undefined): number {
  const skew = useRef(0);
  skew.current = serverTime && receivedAt ? new Date(serverTime).getTime() - receivedAt : 0;
  const [now, setNow] = useState(() => Date.now() + skew.current);
  useEffect(() => {
    setNow(Date.now() + skew.current);
    const h = setInterval(() => setNow(Date.now() + skew.current), 1000);
    return () => clearInterval(h);
  }, [serverTime, receivedAt]);
  return now;
}

/** 交易进程: the domain's steps, the current one highlighted; red when failed or suspended. */
export function LifecycleBar({ lifecycle }: { lifecycle: Lifecycle }) {
  return (
    <Card size="small" className="lifecycle-card" data-testid="lifecycle" style={{ marginBottom: 16 }}>
      <Steps size="small" responsive current={lifecycle.current} status={lifecycle.status} items={lifecycle.steps.map((s) => ({ title: s.title, description: s.description }))} />
    </Card>
  );
}

/**
 * 倒计时: to the next time point still ahead of the server's clock. When one passes, `onPassed` reloads the page's data
 * (the project has moved on). A suspended project has no running clock: its times move with the 恢复公告.
 */
export function NextDeadline({ points, serverTime, receivedAt, suspended, onPassed }: { points: TimePoint[]; serverTime?: string; receivedAt?: number; suspended?: boolean; onPassed?: () => void }) {
  const now = useServerNow(serverTime, receivedAt);
  const next = nextTimePoint(points, now);
  const passed = useRef<string | null>(null);
  useEffect(() => {
    if (!next || !onPassed) return;
    const left = new Date(next.at).getTime() - now;
    if (left <= 0 && passed.current !== next.at) {
      passed.current = next.at;
      const h = setTimeout(onPassed, 1500);
      return () => clearTimeout(h);
    }
  });
  if (suspended) {
    return <Alert data-testid="countdown" type="error" showIcon message="项目已中止,计时暂停" description="中止期间各时间节点不再计时,恢复后以恢复公告载明的时间为准。" style={{ marginBottom: 16 }} />;
  }
  if (!next) {
    return (
      <div className="countdown-box done" data-testid="countdown">
        <ClockCircleOutlined /> 公告载明的时间节点均已届满 <span className="muted">· 服务器时间 {time(new Date(now))}</span>
      </div>
    );
  }
  const left = new Date(next.at).getTime() - now;
  return (
    <div className={`countdown-box${left < 3_600_000 ? ' urgent' : ''}`} data-testid="countdown">
      <div>
        <span className="countdown-label">距{next.label}</span>
        <span className="countdown-value" data-testid="countdown-value">{remaining(left)}</span>
      </div>
      <div className="muted">
        {next.label} {time(next.at)}(北京时间) · 以服务器时间为准
      </div>
    </div>
  );
}

/** 公告正文: the announcement written out; copy or save it as text. */
export function AnnouncementCard({ announcement, extra }: { announcement: Announcement; extra?: React.ReactNode }) {
  return (
    <Card
      title="公告正文"
      data-testid="announcement"
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          {extra}
          <Button size="small" icon={<DownloadOutlined />} onClick={() => saveText(`${announcement.title}.txt`, [announcementText(announcement)])}>
            下载公告
          </Button>
        </Space>
      }
    >
      <article className="announcement">
        <div className="announcement-title">{announcement.title}</div>
        {announcement.blocks.map((b) => (
          <section key={b.heading}>
            <div className="announcement-heading">{b.heading}</div>
            {b.lines.map((l, i) => (
              <p key={i}>{l}</p>
            ))}
          </section>
        ))}
      </article>
    </Card>
  );
}

async function sha256Hex(file: File): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new Error('本浏览器在当前连接下不能计算摘要,请通过 HTTPS 访问');
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** 核对: the visitor picks a file they hold; its SHA-256 is computed in the browser and compared with the published one. */
function VerifyFile({ sha256, name }: { sha256: string; name: string }) {
  const { message } = App.useApp();
  const [result, setResult] = useState<'ok' | 'bad' | null>(null);
  return (
    <Space size={4}>
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          sha256Hex(file).then(
            (h) => {
              const ok = h === sha256.toLowerCase();
              setResult(ok ? 'ok' : 'bad');
              if (ok) message.success(`${file.name} 与发布的《${name}》一致`);
              else message.error(`${file.name} 与发布的《${name}》不一致(SHA-256 ${h.slice(0, 16)}…)`);
            },
            (e: Error) => message.error(e.message),
          );
          return false;
        }}
      >
        <Button size="small" icon={<FileProtectOutlined />}>核对</Button>
      </Upload>
      {result === 'ok' && <Tag color="success">一致</Tag>}
      {result === 'bad' && <Tag color="error">不一致</Tag>}
    </Space>
  );
}

export interface Attachment {
  id: string;
  kind: string;
  fileName: string;
  sha256: string;
  size: number;
  publishedAt: string;
}

const ATTACHMENT_KIND: Record<string, string> = { tender: '招标文件', amendment: '修改文件', resolution: '集体决议', approval: '审核意见', contract: '合同' };

/**
 * 附件: every published file with its SHA-256 (copyable). Downloads follow the API's rules: tender documents for signed-in
 * parties and registered bidders (`download`, the API refuses the others in Chinese); everyone may check a file they hold.
 */
export function Attachments({ docs, download, loginHint }: { docs: Attachment[]; download?: (d: Attachment) => string | null; loginHint?: React.ReactNode }) {
  const { account } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <Card title={`附件(${docs.length})`} data-testid="attachments" style={{ marginBottom: 16 }} extra={<span className="muted"><SafetyCertificateOutlined /> SHA-256 摘要可核对文件是否被改动</span>}>
      {docs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本项目暂无公开附件" />
      ) : (
        <div className="attachment-list">
          {docs.map((d) => {
            const path = download?.(d) ?? null;
            return (
              <div key={d.id} className="attachment" data-testid="attachment">
                <div className="attachment-head">
                  <Tag>{ATTACHMENT_KIND[d.kind] ?? '文件'}</Tag>
                  <b>{d.fileName}</b>
                  <span className="muted">{bytes(d.size)} · {time(d.publishedAt)}</span>
                </div>
                <div className="attachment-hash">
                  SHA-256 <Typography.Text className="mono" copyable={{ text: d.sha256, tooltips: ['复制摘要', '已复制'] }} data-testid="sha256">{d.sha256}</Typography.Text>
                </div>
                <Space wrap size={8}>
                  {path && account ? (
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      icon={<DownloadOutlined />}
                      loading={busy === d.id}
                      onClick={() => {
                        setBusy(d.id);
                        downloadFile(path, d.fileName)
                          .catch((e: unknown) => message.error(e instanceof ApiError ? e.zh : '下载失败'))
                          .finally(() => setBusy(null));
                      }}
                    >
                      下载
                    </Button>
                  ) : path ? (
                    loginHint ?? null
                  ) : null}
                  <VerifyFile sha256={d.sha256} name={d.fileName} />
                </Space>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}

/** 中止公告 and 恢复公告: why and since when the project stands still, and the times its resumption moved. */
export function SuspensionNotices({ suspensions }: { suspensions: PortalProject['suspensions'] }) {
  if (!suspensions?.length) return null;
  return (
    <Card title="中止与恢复公告" style={{ marginBottom: 16 }} data-testid="suspensions">
      {[...suspensions].reverse().map((s) => (
        <div key={s.suspendedAt} style={{ marginBottom: 12 }}>
          {s.resumedAt && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 8 }}
              message={<><b>恢复公告</b> · 本项目于 {time(s.resumedAt)} 恢复交易</>}
              description={
                s.times.length ? (
                  <div className="table-scroll">
                    <Table size="small" rowKey={(t) => `${t.label}|${t.to}`} pagination={false} dataSource={s.times}
                      columns={[{ title: '时间节点', dataIndex: 'label' }, { title: '原定时间', dataIndex: 'from', render: time }, { title: '顺延至', dataIndex: 'to', render: (v) => <b>{time(v)}</b> }]} />
                  </div>
                ) : '没有需要顺延的时间节点'
              }
            />
          )}
          <Alert type="warning" showIcon message={<><b>中止公告</b> · 本项目于 {time(s.suspendedAt)} 中止交易</>} description={`中止原因:${s.reason}`} />
        </div>
      ))}
    </Card>
  );
}

const ROLE_TEXT: Record<string, string> = { centre: '交易中心', owner: '项目单位', agent: '招标代理', office: '管理办公室', regulator: '行业监管部门', system: '系统(到时自动)', bidder: '投标人', committee: '管委会' };

/** 历史版本 (GET /public/projects/:id/history): each public change, newest first, with what it changed. */
export function HistoryCard({ projectId }: { projectId: string }) {
  const history = useLoad(() => api.get<{ versions: HistoryVersion[] }>(`/public/projects/${projectId}/history`), [projectId]);
  return (
    <Card title="历史版本" data-testid="history" style={{ marginBottom: 16 }} extra={<Link to={`/portal/projects/${projectId}`}>项目公开页</Link>}>
      <Loaded state={history} rows={3} empty={(h) => h.versions.length === 0} emptyText="暂无历史版本">
        {(h) => (
          <Timeline
            items={[...h.versions].reverse().map((v) => ({
              color: /failed|suspended|cancelled/.test(v.action) ? 'red' : /awarded|contract|confirmation|concluded|resumed/.test(v.action) ? 'green' : 'gray',
              children: (
                <div className="history-version">
                  <div>
                    <b>第 {v.version} 版 · {v.reason.zh}</b> <span className="muted">{time(v.at)} · {ROLE_TEXT[v.role ?? ''] ?? '平台'}</span>
                  </div>
                  {v.reason.note && <div>说明:{v.reason.note}</div>}
                  {v.changes.map((c, i) => (
                    <div key={i} className="muted">
                      {fieldText(c.field)}:{c.from === null || c.from === undefined ? '' : <><Typography.Text delete type="secondary">{valueText(c.field, c.from)}</Typography.Text> → </>}
                      {valueText(c.field, c.to)}
                    </div>
                  ))}
                </div>
              ),
            }))}
          />
        )}
      </Loaded>
    </Card>
  );
}

/** The region of a project for people: the GB/T 2260 name, the code in a tooltip. */
export function RegionText({ code }: { code: string | null | undefined }) {
  if (!code) return <>—</>;
  return (
    <Tooltip title={`行政区划代码 ${code}(GB/T 2260)`}>
      <span data-testid="region">{regionName(code)}</span>
    </Tooltip>
  );
}

/** The web page of a public notice: its domain's page where it has one, the e-mall requirement's, else the project's. */
export function noticePage(n: { link: string | null; projectId: string | null; subjectId?: string }): string | null {
  const m = /^\/public\/(tenders|land\/parcels|rural\/deals|procurement\/requirements)\/([0-9a-f-]{36})/.exec(n.link ?? '');
  if (m) return `/portal/${{ tenders: 'tenders', 'land/parcels': 'land', 'rural/deals': 'rural', 'procurement/requirements': 'mall' }[m[1]]}/${m[2]}`;
  return n.projectId ? `/portal/projects/${n.projectId}` : null;
}

/** A select of the province's regions by name (GB/T 2260), searchable; the value is the code the API filters on. */
export function RegionSelect(props: { value?: string; onChange?: (v?: string) => void; style?: React.CSSProperties; placeholder?: string }) {
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={props.placeholder ?? '全部地区'}
      options={regionOptions()}
      value={props.value}
      onChange={props.onChange}
      style={{ width: 180, ...props.style }}
      data-testid="region-select"
    />
  );
}

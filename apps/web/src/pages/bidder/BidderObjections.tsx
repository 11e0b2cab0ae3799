import { useState } from 'react';
import { App, Button, Card, Input, List, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { PublicResults, Tender } from '../../api/types';
import { TenderObjection } from '../../api/workspace-types';
import { useAction } from '../../components/actions';
import { confirmBinding } from '../../components/BindingConfirm';
import { Loadable, Loaded, Refusal, useLoad } from '../../components/states';
import { time, yuan } from '../../format';

function ObjectionList({ list, empty }: { list: Loadable<TenderObjection[]>; empty: string }) {
  return (
    <Loaded state={list} empty={(l) => !l.length} emptyText={empty}>
      {(l) => (
        <List
          size="small"
          dataSource={l}
          renderItem={(o) => (
            <List.Item data-testid="my-objection">
              <div style={{ width: '100%' }}>
                <Space wrap>
                  {o.mine ? <Tag color="blue">本单位</Tag> : <Tag>其他投标人</Tag>}
                  <Tag color={o.reply ? 'success' : 'warning'}>{o.reply ? '已答复' : '待答复'}</Tag>
                  <span className="muted">{time(o.raisedAt)}{o.replyDue && !o.reply ? ` · 答复期限 ${time(o.replyDue)}` : ''}</span>
                </Space>
                <div style={{ margin: '4px 0' }}>{o.content}</div>
                {o.reply && <div style={{ color: '#2b8a3e' }}>答复:{o.reply}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
    </Loaded>
  );
}

/** An objection box behind a confirmation: what is objected to, and that it is on record. */
function ObjectForm({ label, onSend, busy, testId }: { label: string; onSend: (content: string) => Promise<boolean>; busy: boolean; testId: string }) {
  const [content, setContent] = useState('');
  return (
    <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
      <Input.TextArea rows={2} value={content} onChange={(e) => setContent(e.target.value)} placeholder={label} data-testid={`${testId}-text`} />
      <Button type="primary" disabled={!content.trim()} loading={busy} style={{ height: 'auto' }} onClick={async () => (await onSend(content.trim())) && setContent('')} data-testid={`${testId}-send`}>
        提出异议
      </Button>
    </Space.Compact>
  );
}

/** One section in publicity (or after it): the candidates, my objection during the publicity, the objections I may see. */
function PublicityObjections({ t, no, results }: { t: Tender; no: number; results: PublicResults | null | undefined }) {
  const { modal } = App.useApp();
  const base = `/tenders/${t.id}/sections/${no}`;
  const section = t.sections.find((s) => s.no === no)!;
  const list = useLoad(() => api.get<TenderObjection[]>(`${base}/objections`), [base]);
  const { busy, refusal, setRefusal, run } = useAction();
  const r = results?.sections.find((s) => s.no === no);
  const open = section.status === 'publicity' && !!section.publicityUntil && new Date(section.publicityUntil).getTime() > Date.now();
  const send = async (content: string) => {
    const ok = await confirmBinding(modal, {
      title: '确认对评标结果提出异议',
      lines: [{ label: '项目', value: `${t.code} ${t.name}` }, { label: '标段', value: `第 ${no} 标段 · ${section.name}` }, { label: '异议内容', value: content }],
      warning: '异议以本单位名义提出并记录在案;招标人答复前暂停定标(条例 54)。',
      okText: '确认提出',
    });
    if (!ok) return false;
    const out = await run('object', () => api.post(`${base}/objections`, { content }), '异议已提交,招标人答复前暂停定标');
    if (out) list.reload();
    return !!out;
  };
  return (
    <Card title={`中标候选人公示 · 第 ${no} 标段`} style={{ marginBottom: 16 }} extra={section.publicityUntil && <span className="muted">公示截止 {time(section.publicityUntil)}</span>} data-testid={`publicity-${no}`}>
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      {r && r.candidates.length > 0 && (
        <Table
          size="small"
          rowKey="rank"
          pagination={false}
          style={{ marginBottom: 12 }}
          dataSource={r.candidates}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 60 },
            { title: '中标候选人', dataIndex: 'bidderName' },
            { title: '投标报价', dataIndex: 'price', align: 'right', render: (v) => <span className="money">{yuan(v)}</span> },
          ]}
        />
      )}
      {r?.award && <Typography.Paragraph>中标人:<b>{r.award.winner}</b>,中标价 <span className="money">{yuan(r.award.price)}</span>(定标时间 {time(r.award.awardedAt)})</Typography.Paragraph>}
      {open ? <ObjectForm label="对评标结果的异议(公示期内提出)" onSend={send} busy={busy === 'object'} testId="publicity-objection" /> : <Typography.Paragraph type="secondary">公示期已结束,不再受理异议;对异议答复不满意的,可依法投诉。</Typography.Paragraph>}
      <ObjectionList list={list} empty="尚无异议" />
    </Card>
  );
}

/**
 * The bidder's objections on a tender: to the documents while bids are taken (条例 22), and to the result during the
 * candidates' publicity on each section it bid on (条例 54).
 */
export function BidderObjections({ t, registered, bidSections }: { t: Tender; registered: boolean; bidSections: number[] }) {
  const { modal } = App.useApp();
  const documents = useLoad(() => (registered ? api.get<TenderObjection[]>(`/tenders/${t.id}/objections`) : Promise.resolve([] as TenderObjection[])), [t.id, registered]);
  const inPublicity = t.sections.filter((s) => bidSections.includes(s.no) && (s.status === 'publicity' || s.status === 'awarded')).map((s) => s.no);
  const results = useLoad(() => (inPublicity.length ? api.get<PublicResults>(`/public/tenders/${t.id}/results`) : Promise.resolve(null)), [t.id, inPublicity.join(',')]);
  const { busy, refusal, setRefusal, run } = useAction();
  const send = async (content: string) => {
    const ok = await confirmBinding(modal, {
      title: '确认对招标文件提出异议',
      lines: [{ label: '项目', value: `${t.code} ${t.name}` }, { label: '异议内容', value: content }],
      warning: '异议须在投标截止时间前规定期限提出;招标人答复前暂停开标(条例 22)。其他投标人只看到异议内容和答复,看不到异议人。',
      okText: '确认提出',
    });
    if (!ok) return false;
    const out = await run('documents', () => api.post(`/tenders/${t.id}/objections`, { content }), '异议已提交,招标人将在规定期限内答复');
    if (out) documents.reload();
    return !!out;
  };
  return (
    <>
      {inPublicity.map((no) => <PublicityObjections key={no} t={t} no={no} results={results.data} />)}
      {registered && (
        <Card title="招标文件异议" style={{ marginBottom: 16 }} data-testid="document-objections">
          <Refusal error={refusal} onClose={() => setRefusal(null)} />
          {t.status === 'bidding' && <ObjectForm label="对招标文件的异议(如资格条件排斥潜在投标人)" onSend={send} busy={busy === 'documents'} testId="document-objection" />}
          <ObjectionList list={documents} empty="尚无招标文件异议" />
        </Card>
      )}
    </>
  );
}

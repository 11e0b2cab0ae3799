import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { api, ApiError } from '../../api/client';
import { CalendarYear, CalendarYears, CalendarYearSummary } from '../../api/types';
import { Page } from '../../components/AppLayout';
import { useAction } from '../../components/actions';
import { Loaded, Refusal, useLoad } from '../../components/states';
import { parseHolidayLines, parseMakeUpLines, weekdayName } from '../../calendar-lines';
import { time } from '../../format';

interface Problem {
  field: string;
  zh: string;
}

const SOURCE = { package: <Tag>内置数据</Tag>, entered: <Tag color="blue">管委会录入</Tag> };

/** The days of one covered year, read-only. */
function YearDays({ year }: { year: number }) {
  const days = useLoad(() => api.get<CalendarYear>(`/public/calendar/${year}`), [year]);
  return (
    <Loaded state={days}>
      {(y) => (
        <Card title={<Space>{y.year} 年放假与调休安排 {SOURCE[y.source]}</Space>} data-testid="calendar-year-days">
          {y.noticeReference && (
            <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
              <Descriptions.Item label="通知文号">{y.noticeReference}</Descriptions.Item>
              <Descriptions.Item label="发布日期">{y.noticePublishedOn}</Descriptions.Item>
              <Descriptions.Item label="录入时间">{time(y.enteredAt)}</Descriptions.Item>
            </Descriptions>
          )}
          <Table
            size="small"
            rowKey="date"
            pagination={false}
            dataSource={[...y.holidays.map((d) => ({ ...d, kind: '放假' })), ...y.makeUpDays.map((d) => ({ ...d, kind: '调休上班' }))].sort((a, b) => a.date.localeCompare(b.date))}
            columns={[
              { title: '日期', dataIndex: 'date', render: (d) => <span className="mono">{d}</span> },
              { title: '星期', dataIndex: 'date', render: weekdayName },
              { title: '安排', dataIndex: 'kind', render: (k) => <Tag color={k === '放假' ? 'red' : 'orange'}>{k}</Tag> },
              { title: '节日', dataIndex: 'zh' },
            ]}
          />
        </Card>
      )}
    </Loaded>
  );
}

/** Paste the notice's days, preview them, enter the year; the API checks everything again. */
function EnterYear({ nextYear, onEntered }: { nextYear: number; onEntered: (year: number) => void }) {
  const [year, setYear] = useState(nextYear);
  const [reference, setReference] = useState('');
  const [publishedOn, setPublishedOn] = useState('');
  const [holidayText, setHolidayText] = useState('');
  const [makeUpText, setMakeUpText] = useState('');
  const { busy, refusal, setRefusal, run } = useAction();
  const holidays = useMemo(() => parseHolidayLines(holidayText), [holidayText]);
  const makeUps = useMemo(() => parseMakeUpLines(makeUpText), [makeUpText]);
  const lineErrors = [...holidays.errors.map((e) => ({ ...e, where: '放假' })), ...makeUps.errors.map((e) => ({ ...e, where: '调休上班' }))];
  const preview = [...holidays.days.map((d) => ({ date: d.date, kind: '放假', name: d.zh })), ...makeUps.days.map((d) => ({ date: d.date, kind: '调休上班', name: d.holiday }))].sort((a, b) => a.date.localeCompare(b.date));
  const ready = reference.trim() && /^\d{4}-\d{2}-\d{2}$/.test(publishedOn) && holidays.days.length > 0 && lineErrors.length === 0;
  const problems = ((refusal as ApiError | null)?.body.details as { problems?: Problem[] } | undefined)?.problems ?? [];

  const submit = () =>
    run('enter', () => api.post<CalendarYear>('/calendar/years', { year, noticeReference: reference.trim(), noticePublishedOn: publishedOn, holidays: holidays.days, makeUpDays: makeUps.days }), `${year} 年节假日安排已录入`).then(
      (y) => y && onEntered(y.year),
    );

  return (
    <Card title={`录入 ${nextYear} 年节假日安排`} data-testid="calendar-enter">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="按国务院办公厅关于节假日安排的通知逐日录入。录入后立即用于工作日计算,且不可修改;只能录入紧接的下一年度。"
      />
      <Refusal error={refusal} onClose={() => setRefusal(null)} />
      {problems.length > 0 && (
        <Alert type="error" style={{ marginBottom: 12 }} message="需要更正" description={<ul style={{ margin: 0 }}>{problems.map((p, i) => <li key={i}><span className="mono">{p.field}</span>:{p.zh}</li>)}</ul>} data-testid="calendar-problems" />
      )}
      <Form layout="vertical">
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="年度">
              <InputNumber value={year} min={2000} max={2200} precision={0} onChange={(v) => setYear(v ?? nextYear)} style={{ width: '100%' }} data-testid="calendar-year" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="通知文号">
              <Input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} placeholder="如:国办发明电〔2026〕N号" data-testid="calendar-reference" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="发布日期">
              <Input value={publishedOn} onChange={(e) => setPublishedOn(e.target.value.trim())} placeholder="YYYY-MM-DD" data-testid="calendar-published-on" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="放假日期(每行一天或一段:日期 节日名称 [英文名称])">
              <Input.TextArea rows={8} value={holidayText} onChange={(e) => setHolidayText(e.target.value)} placeholder={'YYYY-MM-DD 元旦\nYYYY-MM-DD~YYYY-MM-DD 春节'} className="mono" data-testid="calendar-holidays" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="调休上班日(每行:日期 所属节日)">
              <Input.TextArea rows={8} value={makeUpText} onChange={(e) => setMakeUpText(e.target.value)} placeholder={'YYYY-MM-DD 春节'} className="mono" data-testid="calendar-make-up" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {lineErrors.length > 0 && (
        <Alert type="warning" style={{ marginBottom: 12 }} message="以下行无法识别" description={<ul style={{ margin: 0 }}>{lineErrors.map((e) => <li key={`${e.where}${e.line}`}>{e.where}第 {e.line} 行「{e.text}」:{e.problem}</li>)}</ul>} />
      )}
      <Typography.Title level={5}>预览(共 {holidays.days.length} 天放假,{makeUps.days.length} 天调休上班)</Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.kind}${r.date}`}
        pagination={false}
        dataSource={preview}
        data-testid="calendar-preview"
        columns={[
          { title: '日期', dataIndex: 'date', render: (d) => <span className="mono">{d}</span> },
          { title: '星期', dataIndex: 'date', render: (d, r) => <span style={r.kind === '调休上班' && !/[六日]$/.test(weekdayName(d)) ? { color: '#cf1322' } : undefined}>{weekdayName(d)}</span> },
          { title: '安排', dataIndex: 'kind', render: (k) => <Tag color={k === '放假' ? 'red' : 'orange'}>{k}</Tag> },
          { title: '节日', dataIndex: 'name' },
        ]}
      />
      <div style={{ marginTop: 16, textAlign: 'right' }}>
        <Popconfirm title={`录入后 ${year} 年安排即用于所有工作日期限的计算,且不可修改。确认录入?`} okText="确认录入" cancelText="取消" onConfirm={submit} disabled={!ready}>
          <Button type="primary" disabled={!ready} loading={busy === 'enter'} data-testid="calendar-submit">录入</Button>
        </Popconfirm>
      </div>
    </Card>
  );
}

/** 节假日安排: the years the working-day calendar covers, and the committee's entry of the next one. */
export function CalendarYearsPage() {
  const years = useLoad(() => api.get<CalendarYears>('/public/calendar/years'), []);
  const [selected, setSelected] = useState<number>();
  return (
    <Page title="节假日安排" sub="工作日期限按国务院办公厅公布的节假日安排(含调休)计算;内置数据未覆盖的年度由管委会录入。">
      <Loaded state={years}>
        {(y) => {
          const shown = selected ?? y.lastYear;
          return (
            <Row gutter={16}>
              <Col span={9}>
                <Card title="已覆盖年度" style={{ marginBottom: 16 }} extra={<span className="muted">{y.firstYear}–{y.lastYear}</span>}>
                  <Table<CalendarYearSummary>
                    size="small"
                    rowKey="year"
                    pagination={{ pageSize: 8, size: 'small' }}
                    dataSource={y.items}
                    data-testid="calendar-years"
                    rowClassName={(r) => (r.year === shown ? 'ant-table-row-selected' : '')}
                    onRow={(r) => ({ onClick: () => setSelected(r.year), style: { cursor: 'pointer' } })}
                    columns={[
                      { title: '年度', dataIndex: 'year', width: 70 },
                      { title: '来源', dataIndex: 'source', render: (s: 'package' | 'entered') => SOURCE[s] },
                      { title: '通知文号', dataIndex: 'noticeReference', ellipsis: true, render: (r) => r ?? '—' },
                    ]}
                  />
                </Card>
                <YearDays year={shown} />
              </Col>
              <Col span={15}>
                <EnterYear
                  key={y.nextYear}
                  nextYear={y.nextYear}
                  onEntered={(entered) => {
                    setSelected(entered);
                    years.reload();
                  }}
                />
              </Col>
            </Row>
          );
        }}
      </Loaded>
    </Page>
  );
}

import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  type CalendarDayView,
  type SetCalendarDayBody,
} from '@sw/contracts';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Skeleton, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { describeError } from '../../../lib/api-client';
import { useCalendarYear, useSetCalendarDay } from '../api/calendar';
import { monthWeeks, weekdayOf } from '../utils/casework-utils';
import '../casework-console.css';

type Kind = SetCalendarDayBody['kind'];
type DayValues = { kind: Kind; name?: string };

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** The China date today, YYYY-MM-DD. */
function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function MonthGrid({
  year,
  month,
  entries,
  today,
  onPick,
}: {
  year: number;
  month: number;
  entries: Map<string, CalendarDayView>;
  today: string;
  onPick: (date: string) => void;
}) {
  const { t } = useTranslation();
  const weekdays = t('casework.calendar.weekdays').split(',');
  const weeks = monthWeeks(year, month);

  return (
    <table className="sw-cw-month">
      <caption>{dayjs(new Date(year, month, 1)).format(t('casework.calendar.monthFormat'))}</caption>
      <thead>
        <tr>
          {weekdays.map((w) => (
            <th key={w} scope="col">
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.key}>
            {week.cells.map(({ key, day: d }, i) => {
              if (d === null) return <td key={key} />;
              const date = `${year}-${pad(month + 1)}-${pad(d)}`;
              const entry = entries.get(date);
              const weekend = i >= 5;
              const classes = ['sw-cw-day'];
              if (weekend) classes.push('sw-cw-day--weekend');
              if (entry?.kind === 'holiday') classes.push('sw-cw-day--holiday');
              if (entry?.kind === 'workday') classes.push('sw-cw-day--workday');
              if (entry?.provisional) classes.push('sw-cw-day--provisional');
              if (date === today) classes.push('sw-cw-day--today');
              const kindText = entry
                ? t(entry.kind === 'holiday' ? 'casework.calendar.holiday' : 'casework.calendar.workday')
                : weekend
                  ? t('casework.calendar.weekend')
                  : t('casework.calendar.normalDay');
              const label = [
                date,
                entry?.name,
                kindText,
                entry?.provisional ? t('casework.calendar.provisional') : null,
              ]
                .filter(Boolean)
                .join('，');
              return (
                <td key={date}>
                  <button
                    type="button"
                    className={classes.join(' ')}
                    aria-label={label}
                    title={label}
                    onClick={() => onPick(date)}
                  >
                    {d}
                    {entry ? (
                      <span className="sw-cw-day__mark" aria-hidden="true">
                        {entry.kind === 'holiday'
                          ? t('casework.calendar.holidayMark')
                          : t('casework.calendar.workdayMark')}
                      </span>
                    ) : null}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayModal({
  date,
  entry,
  onClose,
}: {
  date: string | null;
  entry: CalendarDayView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<DayValues>();
  const setDay = useSetCalendarDay();
  const kind = Form.useWatch('kind', form);
  const weekend = date
    ? weekdayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) >= 5
    : false;

  const onFinish = (values: DayValues) => {
    if (!date) return;
    const name = values.name?.trim();
    setDay.mutate(
      { date, body: { kind: values.kind, ...(values.kind !== 'normal' && name ? { name } : {}) } },
      {
        onSuccess: () => {
          void message.success(t('casework.calendar.saved', { date }));
          onClose();
        },
        onError: (error) => report(error, form),
      },
    );
  };

  return (
    <Modal
      open={date !== null}
      title={date ? t('casework.calendar.editTitle', { date }) : ''}
      okText={t('casework.calendar.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setDay.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {entry?.provisional ? (
        <Alert
          className="sw-form-alert"
          type="warning"
          showIcon
          title={t('casework.calendar.provisionalDay')}
        />
      ) : null}
      <Form<DayValues>
        form={form}
        name="calendarDay"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: entry?.kind ?? 'normal', name: entry?.name ?? '' }}
      >
        <Form.Item name="kind" label={t('casework.calendar.kind')}>
          <Radio.Group
            options={[
              {
                value: 'normal',
                label: weekend ? t('casework.calendar.normalWeekend') : t('casework.calendar.normalWeekday'),
              },
              { value: 'holiday', label: t('casework.calendar.holiday') },
              { value: 'workday', label: t('casework.calendar.workday'), disabled: !weekend },
            ]}
          />
        </Form.Item>
        {!weekend ? <p className="sw-cw-muted">{t('casework.calendar.workdayWeekendOnly')}</p> : null}
        <Form.Item
          name="name"
          label={t('casework.calendar.name')}
          extra={t('casework.calendar.nameHelp')}
          rules={[{ max: 20, message: t('casework.calendar.nameTooLong') }]}
        >
          <Input
            maxLength={20}
            disabled={kind === 'normal'}
            placeholder={t('casework.calendar.namePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** `/console/calendar` — 工作日历: the year's 法定节假日 and 调休 workdays that due dates count on. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => Number(chinaToday().slice(0, 4)));
  const [picked, setPicked] = useState<string | null>(null);
  const calendar = useCalendarYear(year);
  const today = chinaToday();
  const entries = useMemo(
    () => new Map((calendar.data?.days ?? []).map((d) => [d.date, d])),
    [calendar.data],
  );
  const counts = useMemo(() => {
    const days = calendar.data?.days ?? [];
    return {
      holidays: days.filter((d) => d.kind === 'holiday').length,
      workdays: days.filter((d) => d.kind === 'workday').length,
      provisional: days.filter((d) => d.provisional).length,
    };
  }, [calendar.data]);

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Space wrap>
            <Button
              icon={<LeftOutlined />}
              disabled={year <= CALENDAR_MIN_YEAR}
              onClick={() => setYear((y) => y - 1)}
              aria-label={t('casework.calendar.previousYear')}
            >
              {year - 1}
            </Button>
            <Button
              onClick={() => setYear(Number(today.slice(0, 4)))}
              disabled={year === Number(today.slice(0, 4))}
            >
              {t('casework.calendar.thisYear')}
            </Button>
            <Button
              disabled={year >= CALENDAR_MAX_YEAR}
              onClick={() => setYear((y) => y + 1)}
              aria-label={t('casework.calendar.nextYear')}
            >
              {year + 1} <RightOutlined />
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void calendar.refetch()}
              loading={calendar.isFetching}
            >
              {t('common.refresh')}
            </Button>
          </Space>
        }
      >
        {t('casework.calendar.title', { year })}
      </PageTitle>
      <p className="sw-lead">{t('casework.calendar.lead')}</p>
      {calendar.isError ? (
        <Alert className="sw-form-alert" type="error" showIcon title={describeError(calendar.error)} />
      ) : null}
      {calendar.data?.provisional ? (
        <Alert
          className="sw-form-alert"
          type="warning"
          showIcon
          title={t('casework.calendar.provisionalYear')}
        />
      ) : null}
      <Card
        title={
          <div className="sw-cw-legend">
            <span>
              <span
                className="sw-cw-day sw-cw-day--holiday"
                style={{ display: 'inline-block', lineHeight: '30px' }}
              >
                {t('casework.calendar.holidayMark')}
              </span>{' '}
              {t('casework.calendar.holiday')} {counts.holidays}
            </span>
            <span>
              <span
                className="sw-cw-day sw-cw-day--workday"
                style={{ display: 'inline-block', lineHeight: '30px' }}
              >
                {t('casework.calendar.workdayMark')}
              </span>{' '}
              {t('casework.calendar.workday')} {counts.workdays}
            </span>
            <span>
              <span
                className="sw-cw-day sw-cw-day--weekend"
                style={{ display: 'inline-block', lineHeight: '30px' }}
              >
                {t('casework.calendar.weekendMark')}
              </span>{' '}
              {t('casework.calendar.weekend')}
            </span>
            {counts.provisional > 0 ? (
              <span>
                <Tag style={{ borderStyle: 'dashed' }}>{t('casework.calendar.provisional')}</Tag>
                {counts.provisional}
              </span>
            ) : null}
          </div>
        }
      >
        {calendar.isPending ? (
          <Skeleton active />
        ) : (
          <div className="sw-cw-year">
            {MONTHS.map((month) => (
              <MonthGrid
                key={month}
                year={year}
                month={month}
                entries={entries}
                today={today}
                onPick={setPicked}
              />
            ))}
          </div>
        )}
      </Card>
      <DayModal
        key={picked ?? 'none'}
        date={picked}
        entry={picked ? entries.get(picked) : undefined}
        onClose={() => setPicked(null)}
      />
    </div>
  );
}

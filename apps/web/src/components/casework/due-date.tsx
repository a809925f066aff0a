import type { ApplicationSummary } from '@sw/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatChinaDate } from '../../lib/format';

type DueDateProps = {
  application: Pick<ApplicationSummary, 'dueAt' | 'overdue' | 'final' | 'workingDaysLeft'>;
  /** also say how much is left, or how late it is (detail headers) */
  countdown?: boolean;
};

/**
 * 办理时限: the due day (China), red with 「已超期」 when late; with `countdown`, what is left of it in
 * working days (「剩余 2 个工作日」) — the SLA is counted in working days, so is the countdown; the
 * server counts them on the platform's calendar (holidays and 调休 included).
 */
export function DueDate({ application, countdown = false }: DueDateProps) {
  const { t } = useTranslation();
  const { dueAt, overdue, final, workingDaysLeft: left } = application;
  if (!dueAt) return <>{t('common.none')}</>;
  const day = formatChinaDate(dueAt);
  if (final) return <>{day}</>;
  let note: string | null = null;
  if (countdown && left !== null) {
    if (left < 0) note = t('casework.due.lateWorkingDays', { count: -left });
    else if (left === 0) note = overdue ? null : t('casework.due.lastDay');
    else note = t('casework.due.workingDaysLeft', { count: left });
  }
  if (overdue) {
    return (
      <Space size={4} wrap>
        <span className="sw-cw-danger">{day}</span>
        <Tag color="red">{t('casework.due.overdue')}</Tag>
        {note ? <span className="sw-cw-danger">{note}</span> : null}
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      <span>{day}</span>
      {note ? <span className="sw-cw-muted">（{note}）</span> : null}
    </Space>
  );
}

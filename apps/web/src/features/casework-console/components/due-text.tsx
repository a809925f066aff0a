import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatChinaDate } from '../../../lib/format';

type DueTextProps = {
  dueAt: string | null;
  overdue: boolean;
  final: boolean;
  /** also say how long is left or how long it is late (the detail's header) */
  countdown?: boolean;
};

/** 办理时限: the due day (China), red with 「已超期」 when late; optionally the time left. */
export function DueText({ dueAt, overdue, final, countdown = false }: DueTextProps) {
  const { t } = useTranslation();
  if (!dueAt) return <>{t('common.none')}</>;
  const day = formatChinaDate(dueAt);
  if (final) return <>{day}</>;
  const hours = dayjs(dueAt).diff(dayjs(), 'hour', true);
  let left: string | null = null;
  if (countdown) {
    if (overdue || hours < 0)
      left = t('casework.due.lateDays', { count: Math.max(1, Math.ceil(-hours / 24)) });
    else if (hours < 24) left = t('casework.due.hoursLeft', { count: Math.max(1, Math.floor(hours)) });
    else left = t('casework.due.daysLeft', { count: Math.ceil(hours / 24) });
  }
  if (overdue) {
    return (
      <Space size={4} wrap>
        <span className="sw-cw-danger">{day}</span>
        <Tag color="red">{t('casework.due.overdue')}</Tag>
        {left ? <span className="sw-cw-danger">{left}</span> : null}
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      <span>{day}</span>
      {left ? <span className="sw-cw-muted">（{left}）</span> : null}
    </Space>
  );
}

import { Alert, Progress } from 'antd';
import type { StayView } from '../../../../../server/src/modules/services/northbound/contract.ts';
import { useMessages } from '../messages';

/** 车辆停留时间: this stay against 30 days, this year against 180 (000 §4.1, §4.8), with the warnings. */
export function StayFigures({ stay }: { stay: StayView }) {
  const t = useMessages();
  const entryPercent = Math.min(100, Math.round((stay.currentStayDays / stay.perEntryLimit) * 100));
  const yearPercent = Math.min(100, Math.round((stay.yearDays / stay.perYearLimit) * 100));
  const warn =
    stay.warning === 'none'
      ? null
      : stay.warning.endsWith('entry')
        ? t('center.warnEntry')
        : t('center.warnYear');
  return (
    <section className="nb-stay" aria-label={t('center.stay')}>
      <h3 className="nb-subheading">{t('center.stay')}</h3>
      <p>
        {stay.inMainland
          ? t('center.inMainland', { days: stay.currentStayDays, limit: stay.perEntryLimit })
          : t('center.notInMainland')}
      </p>
      {stay.inMainland ? (
        <Progress
          percent={entryPercent}
          status={stay.warning.endsWith('entry') ? 'exception' : 'normal'}
          aria-label={t('center.inMainland', { days: stay.currentStayDays, limit: stay.perEntryLimit })}
        />
      ) : null}
      <p>{t('center.yearDays', { days: stay.yearDays, limit: stay.perYearLimit })}</p>
      <Progress
        percent={yearPercent}
        status={stay.warning.endsWith('year') ? 'exception' : 'normal'}
        aria-label={t('center.yearDays', { days: stay.yearDays, limit: stay.perYearLimit })}
      />
      {warn ? <Alert type="warning" showIcon message={warn} /> : null}
    </section>
  );
}

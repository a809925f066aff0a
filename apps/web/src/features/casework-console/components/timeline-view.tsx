import type { ApplicationEventView, Localized } from '@sw/contracts';
import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../api/services';

const TONE_COLORS = {
  default: 'gray',
  processing: 'blue',
  warning: 'blue',
  success: 'green',
  error: 'red',
} as const;

/**
 * 办理记录: every step, oldest first — when, who, what, from which status to which, and the
 * reason given. `stateNames` names the states the events only give as codes.
 */
export function TimelineView({
  timeline,
  stateNames,
}: {
  timeline: ApplicationEventView[];
  stateNames: ReadonlyMap<string, Localized>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (timeline.length === 0) {
    return <Empty description={<span className="sw-empty-text">{t('casework.timeline.empty')}</span>} />;
  }
  const names = new Map(stateNames);
  for (const event of timeline) names.set(event.toStatus, event.toStatusName);
  const nameOf = (status: string) =>
    status === 'draft' ? t('casework.draft') : localized(names.get(status), locale) || status;

  return (
    <Timeline
      items={timeline.map((event) => ({
        key: event.id,
        color: TONE_COLORS[event.toStatusTone],
        title: formatDateTime(event.at),
        content: (
          <>
            <div>
              <strong>{event.actorLabel}</strong> · {localized(event.actionName, locale) || event.action}
            </div>
            <div className="sw-cw-muted">
              {event.fromStatus && event.fromStatus !== event.toStatus
                ? t('casework.timeline.transition', {
                    from: nameOf(event.fromStatus),
                    to: localized(event.toStatusName, locale) || event.toStatus,
                  })
                : localized(event.toStatusName, locale) || event.toStatus}
            </div>
            {event.reason ? (
              <p className="sw-cw-reason">
                <span className="sw-cw-muted">{t('casework.timeline.reason')}</span>
                {event.reason}
              </p>
            ) : null}
          </>
        ),
      }))}
    />
  );
}

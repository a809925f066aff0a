import type { ConsultationMessage, ConsultationSender } from '@sw/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/use-locale';

/**
 * A conversation's messages as bubbles, the viewer's own on the right; what the platform says
 * (a seat joined, the conversation ended) centred. New messages are announced to screen readers
 * (a polite live region) and scrolled into view.
 */
export function MessageList({
  messages,
  own,
  label,
}: {
  messages: ConsultationMessage[];
  /** the viewer's side */
  own: Exclude<ConsultationSender, 'system'>;
  label: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const end = useRef<HTMLDivElement>(null);
  const count = messages.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the count changes
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [count]);
  const time = (at: string) =>
    new Date(at).toLocaleString(locale, {
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  return (
    <section className="sw-chat__log" aria-label={label} aria-live="polite" aria-relevant="additions">
      {messages.map((m) => {
        if (m.sender === 'system') {
          return (
            <p key={m.seq} className="sw-chat__event">
              {t(`consultations.events.${m.body as 'taken'}`, { seat: m.senderName ?? '' })} · {time(m.at)}
            </p>
          );
        }
        const mine = m.sender === own;
        const who = mine
          ? t('consultations.you')
          : m.sender === 'staff'
            ? t('consultations.staff', { seat: m.senderName ?? '' })
            : t('consultations.applicant');
        return (
          <div key={m.seq} className={`sw-chat__message${mine ? ' sw-chat__message--own' : ''}`}>
            <div className="sw-chat__meta">
              {who} · {time(m.at)}
            </div>
            <div className="sw-chat__bubble">{m.body}</div>
          </div>
        );
      })}
      <div ref={end} />
    </section>
  );
}

import type { Localized, StateTone } from '@sw/contracts';
import { Badge, Tag } from 'antd';
import { useLocale } from '../../hooks/use-locale';

function text(name: Localized, locale: keyof Localized, fallback: string) {
  return name[locale] || name['zh-CN'] || fallback;
}

/**
 * A state as a badge (the console's tables): the colour is the service's (its definition's
 * `stateTones`), never guessed from the state's name. A badge rather than a coloured tag: green and
 * orange tag text fail WCAG AA contrast.
 */
export function StatusBadge({ status, name, tone }: { status: string; name: Localized; tone: StateTone }) {
  const locale = useLocale();
  return <Badge status={tone} text={text(name, locale, status)} />;
}

// antd's green and orange tag texts are too light for WCAG AA: darker ones, set on the element itself
const TAG_STYLES: Record<StateTone, { color?: string; style?: React.CSSProperties }> = {
  default: {},
  processing: { color: 'blue' },
  success: { style: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' } },
  warning: { style: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' } },
  error: { color: 'red' },
};

/** A state as a coloured tag (the applicant's pages), in the service's colour. */
export function StatusTag({ status, name, tone }: { status: string; name: Localized; tone: StateTone }) {
  const locale = useLocale();
  const look = TAG_STYLES[tone];
  return (
    <Tag color={look.color} style={look.style}>
      {text(name, locale, status)}
    </Tag>
  );
}

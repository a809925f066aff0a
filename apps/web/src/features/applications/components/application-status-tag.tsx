import type { ApplicationSummary } from '@sw/contracts';
import { Tag } from 'antd';
import { useLocale } from '../../../hooks/use-locale';
import { localized } from '../utils/localized';

/** Final states that end without what was asked for (不予通过, 撤回 …). */
const NEGATIVE = /reject|refus|deni|declin|withdr|cancel|revok|fail/i;

type Tone = 'draft' | 'open' | 'done' | 'refused';

export function statusTone(application: Pick<ApplicationSummary, 'status' | 'final'>): Tone {
  if (application.status === 'draft') return 'draft';
  if (!application.final) return 'open';
  return NEGATIVE.test(application.status) ? 'refused' : 'done';
}

// antd's green tag text is too light for WCAG AA: a darker green, set on the element itself.
const DONE_STYLE = { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' } as const;

const COLORS: Record<Tone, string | undefined> = {
  draft: undefined,
  open: 'blue',
  done: undefined,
  refused: 'red',
};

/** The status of an application as a coloured tag: 草稿 grey, 办理中 blue, 办结 green or red. */
export function ApplicationStatusTag({
  application,
}: {
  application: Pick<ApplicationSummary, 'status' | 'statusName' | 'final'>;
}) {
  const locale = useLocale();
  const tone = statusTone(application);
  return (
    <Tag color={tone === 'done' ? undefined : COLORS[tone]} style={tone === 'done' ? DONE_STYLE : undefined}>
      {localized(application.statusName, locale)}
    </Tag>
  );
}

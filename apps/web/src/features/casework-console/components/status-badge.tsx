import type { Localized } from '@sw/contracts';
import { Badge } from 'antd';
import { useLocale } from '../../../hooks/use-locale';
import { localized } from '../api/services';
import { statusTone } from '../utils/casework-utils';

/** A badge rather than a coloured tag: green and orange tag text fail WCAG AA contrast. */
export function StatusBadge({ status, name, final }: { status: string; name: Localized; final: boolean }) {
  const locale = useLocale();
  return <Badge status={statusTone(status, final)} text={localized(name, locale) || status} />;
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The platform mark: a window of four panes. Decorative; the name next to it is the text. */
export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#ffffff" />
      <rect x="14" y="14" width="36" height="36" rx="3" fill="none" stroke="#1558a8" strokeWidth="5" />
      <path d="M32 14v36M14 32h36" stroke="#1558a8" strokeWidth="4" />
    </svg>
  );
}

/** Platform name in the current language with its counterpart underneath, linking home. */
export function Brand({ subtitle, to = '/' }: { subtitle?: string; to?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="sw-brand">
      <BrandMark />
      <span className="sw-brand__text">
        <span className="sw-brand__name">{t('common.appName')}</span>
        <span className="sw-brand__en">{t('common.appNameEn')}</span>
      </span>
      {subtitle ? <span className="sw-brand__subtitle">{subtitle}</span> : null}
    </Link>
  );
}

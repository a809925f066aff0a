import { HUB_CATEGORIES, type HubCategory, SERVICE_CATEGORY_NAMES } from '@sw/contracts';
import { Link } from 'react-router';
import { useLocale } from '../../../hooks/use-locale';
import { CategoryIcon } from './category-icon';

export const categoryName = (code: string) => SERVICE_CATEGORY_NAMES[code];

/** The grid of the guide's categories (办事). */
export function CategoryGrid({ only }: { only?: readonly HubCategory[] }) {
  const locale = useLocale();
  return (
    <ul className="sw-hub-grid">
      {(only ?? HUB_CATEGORIES).map((code) => (
        <li key={code}>
          <Link to={`/m/services?category=${code}`} className="sw-hub-grid__item">
            <span className="sw-hub-grid__icon">
              <CategoryIcon category={code} />
            </span>
            <span className="sw-hub-grid__name">{categoryName(code)?.[locale]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

import { LatestArticles } from '../../features/content/components/latest-articles';
import { HomePage } from '../../features/portal/components/home-page';
import { LocalFeatures } from '../../features/services/components/local-features';

/**
 * `/`: the portal's front page with the latest 通知公告 and 政策法规 and the 地方特色应用. Composed here because the page
 * and the articles belong to different features.
 */
export function HomeRoute() {
  return <HomePage news={<LatestArticles />} local={<LocalFeatures />} />;
}

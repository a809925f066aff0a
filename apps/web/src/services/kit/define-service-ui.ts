import type { ApplicationDetail, ConsoleApplicationDetail, Localized } from '@sw/contracts';
import type { ComponentType, ReactNode } from 'react';

/**
 * The web half of the service plug-in contract (issue 10 §3). A service's folder
 * `apps/web/src/services/<code>/` holds:
 * - `manifest.ts`, default-exporting `defineServiceManifest({...})`: the few facts generic pages
 *   need without loading the service (where 「在线办理」 leads, how a returned application is
 *   corrected). Tiny, bundled with the registry.
 * - `index.ts`, default-exporting `defineServiceUi({...})`: its pages and sections, loaded as a chunk
 *   of its own when one of them is first shown — forms, contracts and translations of one service
 *   never land in the portal's first load.
 * The registry finds both with import.meta.glob; generic pages (the catalogue, the guide, 我的申请,
 * the console) know no service.
 */
export type ServiceManifest = {
  code: string;
  /** where 「在线办理」 leads (default `/apps/<code>/apply`) */
  applyPath?: string;
  /** applied for before having an account (registration): 「在线办理」 asks for no sign-in */
  guests?: boolean;
  /**
   * How a returned application is corrected when not with the generic resubmission: through the
   * e-mailed link (registration with review: no account to sign in with yet), or on a page of its own.
   */
  correction?: { byEmailLink: true } | { page: (applicationId: string) => string };
  /**
   * The service is a system of its own (港车北上): `/apps/<code>` is its front door instead of the
   * generic guide page, and its pages are shown in its own layout (ServiceUi.Layout), not the
   * portal's chrome.
   */
  ownLayout?: boolean;
  /** its pages in the console's menu (`/console/services/<code>/<path>`), e.g. its reference data */
  consoleMenu?: readonly { path: string; label: Localized; platformAdmin: boolean }[];
};

export type ServiceUi = {
  code: string;
  /**
   * its pages under `/apps/<code>/…`: `apply`, `correction`, … The guide page `/apps/<code>` is
   * generic, unless the manifest says `ownLayout`: then the page with path `''` is the front door.
   */
  routes: readonly { path: string; Component: ComponentType }[];
  /** the chrome around its pages when the manifest says `ownLayout` */
  Layout?: ComponentType<{ children: ReactNode }>;
  /** more sections on the applicant's detail page (「我的申请」) */
  ApplicantSection?: ComponentType<{ application: ApplicationDetail }>;
  /** its console pages, by the paths its manifest's consoleMenu names */
  consolePages?: readonly { path: string; Component: ComponentType }[];
  /** more sections in the console's detail (e.g. a comparison with an agency's data) */
  ConsoleSection?: ComponentType<{ application: ConsoleApplicationDetail }>;
};

export function defineServiceManifest(manifest: ServiceManifest): ServiceManifest {
  return manifest;
}

export function defineServiceUi(ui: ServiceUi): ServiceUi {
  return ui;
}

import { enableSite, isSiteDisabled, type Settings } from '@/lib/settings';

export interface SiteSwitchProps {
  /** The site of the page behind the popup; null when there is none to offer. */
  site: string | null;
  settings: Settings;
  update(changes: Partial<Settings>): void;
}

/** "Turn off on this site" for the page the user came from, and back on. */
export function SiteSwitch({ site, settings, update }: SiteSwitchProps) {
  if (!site) return null;
  const off = isSiteDisabled(settings, site);
  const toggle = () =>
    update({
      disabledSites: off ? enableSite(settings, site) : [...settings.disabledSites, site],
    });
  return (
    <span class="site-switch">
      <button type="button" aria-describedby="site-name" onClick={toggle}>
        {off ? 'Turn back on for this site' : 'Turn off on this site'}
      </button>
      <span id="site-name" class="muted">
        {site}
      </span>
    </span>
  );
}

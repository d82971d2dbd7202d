import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledDigest from '@/assets/digest.json';
import { createBadgeTracker } from '@/lib/worker/badge';
import {
  SAVE_MENU_ID,
  SAVE_MENU_PATTERNS,
  saveFromLink,
  type SaveOutcome,
} from '@/lib/worker/save-menu';
import { openDatabase } from '@/lib/db';
import { createMessageListener } from '@/lib/protocol/messages';
import { createPaperService } from '@/lib/worker/paper-service';
import { createSyncScheduler, runSyncPass } from '@/lib/reading-list/sync';
import { SYNC_KEY_PREFIX } from '@/lib/reading-list/sync-merge';
import { SETTINGS_KEY } from '@/lib/settings';
import { arxivFetcher, createArxivLookupQueue } from '@/lib/sources/arxiv-api';
import { createDigestJobs, jobHandlers } from '@/lib/sources/digest-jobs';
import { lookupConsentFor, type DataCollectionPermissions } from '@/lib/sources/lookup-consent';
import { lookUpPaper } from '@/lib/sources/paper-lookup';
import { REFRESH_ALARM, scheduleRefresh } from '@/lib/worker/refresh-alarm';
import {
  endpointsFrom,
  ENDPOINTS_KEY,
  originPattern,
  readSourceSettings,
  sourceSettingsItem,
} from '@/lib/sources/source-settings';

const SAVE_FEEDBACK: Record<SaveOutcome, string> = {
  saved: '✓',
  'not-a-paper': '?',
  'not-in-digest': '?',
};

export default defineBackground(() => {
  // MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods.
  const action = browser.action ?? browser.browserAction;
  const badge = createBadgeTracker(async (tabId, text) => {
    await action.setBadgeText({ tabId, text }).catch(() => undefined); // tab closed meanwhile
  });
  void action.setBadgeBackgroundColor({ color: '#b31b1b' });
  browser.tabs.onRemoved.addListener((tabId) => badge.forget(tabId));

  const db = openDatabase();
  const local = browser.storage.local;
  const sync = createSyncScheduler(async () => {
    await runSyncPass(db, { local, sync: browser.storage.sync });
  });
  const endpoints = async () => endpointsFrom((await local.get(ENDPOINTS_KEY))[ENDPOINTS_KEY]);
  const jobs = createDigestJobs({
    db,
    local,
    sourceSettings: readSourceSettings,
    endpoints,
    mayFetch: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });
  const arxiv = createArxivLookupQueue({
    fetchArxiv: async (ids) => arxivFetcher((await endpoints()).arxiv)(ids),
  });
  const lookupConsent = lookupConsentFor(
    import.meta.env.FIREFOX,
    browser.permissions as unknown as DataCollectionPermissions,
  );
  const service = createPaperService(db, {
    bundledDigest: () => bundledDigest,
    reportPageSummary: badge.report,
    requestSync: () => void sync.request(),
    exclusive: jobs.exclusive,
    lookUpUnknown: (arxivId) =>
      lookUpPaper(arxivId, {
        db,
        enabled: async () =>
          (await readSourceSettings()).arxivLookups && (await lookupConsent.granted()),
        askArxiv: arxiv.lookup,
      }),
  });
  browser.runtime.onMessage.addListener(
    createMessageListener(
      { ...service, ...jobHandlers(jobs) },
      browser.runtime.id,
      browser.runtime.getURL('/'),
    ),
  );
  // A job a stopped worker never finished: its transaction did not commit; say so on its source.
  jobs.recoverInterrupted().catch(() => undefined); // a failing database says so on first use

  // Scheduled refreshes, at the interval chosen on the options page.
  const reschedule = () =>
    readSourceSettings()
      .then(({ refreshHours }) => scheduleRefresh(browser.alarms, refreshHours))
      .catch((error: unknown) => console.error('PaperPeek alarm:', error));
  reschedule();
  sourceSettingsItem.watch(reschedule);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    jobs.refreshAll().catch((error: unknown) => console.error('PaperPeek refresh failed:', error));
  });
  // Every worker start (install, update, browser start, wake-up) checks the bundled digest: a
  // same-revision check is one hash and one read, and it repairs a load that failed last time.
  service.ensureBundledDigest().then(
    (result) => {
      if (!result.ok)
        console.error('PaperPeek could not load its bundled digest:', result.problems);
    },
    // No database at all (a private window): every request will say so to whoever asks.
    (error: unknown) => console.error('PaperPeek could not open its database:', error),
  );

  // Edits from the user's other browsers arrive as changes to `storage.sync`; turning sync on
  // (or off) is a change to the settings.
  void sync.request();
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    if (
      (area === 'sync' && keys.some((key) => key.startsWith(SYNC_KEY_PREFIX))) ||
      (area === 'local' && keys.includes(SETTINGS_KEY))
    ) {
      void sync.request();
    }
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: SAVE_MENU_ID,
      title: 'Save paper to reading list',
      contexts: ['link'],
      targetUrlPatterns: SAVE_MENU_PATTERNS,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_MENU_ID || !info.linkUrl) return;
    const sender = { id: browser.runtime.id };
    void saveFromLink(
      info.linkUrl,
      (keys) => service.lookup({ keys }, sender),
      (paperId) => service.save({ paperId }, sender),
    ).then(
      async (outcome) => {
        // The badge says what happened for a moment, then goes back to the page's count.
        if (tab?.id === undefined) return;
        await action.setBadgeText({ tabId: tab.id, text: SAVE_FEEDBACK[outcome] });
        setTimeout(() => void badge.refresh(tab.id ?? -1), 2_000);
      },
      (error: unknown) => console.error('PaperPeek could not save the paper:', error),
    );
  });
});

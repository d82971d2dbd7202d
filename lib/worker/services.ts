/**
 * The worker's services and the one message listener that answers every context. Owns: creating
 * the digest jobs, the arXiv look-up queue and the paper service over one database, and wiring
 * them to the protocol. Never: answers a message itself (the services do), or lets a start-up
 * failure reject into the void (it is logged, and every request says so to whoever asks).
 */
import type { PaperPeekDatabase } from '../db';
import { createMessageListener } from '../protocol/listener';
import type { Handlers, MessageSender } from '../protocol/messages';
import { arxivFetcher, createArxivLookupQueue } from '../sources/arxiv-api';
import { createDigestJobs, type DigestJobs } from '../sources/digest-jobs';
import { lookupConsentFor, type DataCollectionPermissions } from '../sources/lookup-consent';
import { fillInDetails } from '../sources/paper-details';
import { lookUpPaper, lookUpVenuePaper } from '../sources/paper-lookup';
import { pacedQueue, venueFetcher } from '../sources/venue-api';
import {
  endpointsFrom,
  ENDPOINTS_KEY,
  originPattern,
  readSourceSettings,
} from '../sources/source-settings';
import { createZoteroConnector, ZOTERO_ORIGIN } from '../zotero/connector';
import { saveToZotero } from '../zotero/save';
import type { BrowserEvent } from './events';
import { isRedirectedAddress } from './pdf-redirect';
import { createPaperService, type PaperService } from './paper-service';

/**
 * The protocol's digest-job messages, answered by `jobs`; `papersChanged` is told after a job
 * that may have brought new papers.
 */
export function jobHandlers(
  jobs: DigestJobs,
  papersChanged: () => void = () => undefined,
): Pick<Handlers, 'refreshNow' | 'importBegin' | 'importChunk' | 'importCommit' | 'clearDigest'> {
  const thenChanged = <T>(result: T): T => {
    papersChanged();
    return result;
  };
  return {
    refreshNow: () => jobs.refreshAll().then(thenChanged),
    importBegin: async ({ label }) => ({ importId: jobs.beginImport(label) }),
    importChunk: async ({ importId, papers }) => jobs.stageImport(importId, papers),
    importCommit: ({ importId }) => jobs.commitImport(importId).then(thenChanged),
    clearDigest: async () => {
      await jobs.clearDigest();
      return null;
    },
  };
}

/** The search record stamp whose papers were all asked about (paper-details.ts `completed`). */
const DETAILS_DONE_KEY = 'detailsFilledFor';

export interface ServicesBrowser {
  runtime: {
    id: string;
    getURL(path: '/'): string;
    getPlatformInfo(): Promise<unknown>;
    onMessage: BrowserEvent<ReturnType<typeof createMessageListener>>;
  };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
}

export interface ServicesDependencies {
  db: PaperPeekDatabase;
  bundledDigest: () => unknown;
  /** A frame's papers, for the toolbar badge. */
  reportPageSummary: (paperIds: string[], sender: MessageSender) => Promise<null>;
  requestSync: () => void;
  showReadingList: () => Promise<void>;
  showSettings: () => Promise<void>;
  /** Lets an arXiv PDF address reach the browser's viewer in one tab (pdf-redirect.ts). */
  allowInBrowserViewer: (url: string, tabId: number) => Promise<void>;
  /** Firefox asks for its own consent before look-ups send anything (lookup-consent.ts). */
  isFirefox: boolean;
}

export function registerServices(
  browser: ServicesBrowser,
  {
    db,
    bundledDigest,
    reportPageSummary,
    requestSync,
    showReadingList,
    showSettings,
    allowInBrowserViewer,
    isFirefox,
  }: ServicesDependencies,
): { service: PaperService; jobs: DigestJobs; fillInDetails: () => void } {
  const local = browser.storage.local;
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
  const askVenue = venueFetcher(endpoints);
  const venueRequests = pacedQueue();
  // `data_collection` is Firefox's alone: the browser types do not know it.
  const lookupConsent = lookupConsentFor(
    isFirefox,
    browser.permissions as unknown as DataCollectionPermissions,
  );
  const lookupsAllowed = async () =>
    (await readSourceSettings()).arxivLookups && (await lookupConsent.granted());
  // Digest papers without authors or dates, filled in from arXiv in the background; one run at a
  // time, started again by anything that may bring papers or allow look-ups.
  let filling: Promise<unknown> | null = null;
  const fillIn = () => {
    filling ??= fillInDetails({
      db,
      enabled: lookupsAllowed,
      // After the ids of any card someone is waiting for.
      lookup: arxiv.lookupInBackground,
      exclusive: jobs.exclusive,
      completed: {
        read: async () => {
          const value = (await local.get(DETAILS_DONE_KEY))[DETAILS_DONE_KEY];
          return typeof value === 'string' ? value : undefined;
        },
        write: (stamp) => local.set({ [DETAILS_DONE_KEY]: stamp }),
      },
    })
      .catch((error: unknown) => console.error('PaperPeek could not fill in paper details:', error))
      .finally(() => {
        filling = null;
      });
  };
  const service = createPaperService(db, {
    bundledDigest,
    reportPageSummary,
    requestSync,
    showReadingList,
    showSettings,
    exclusive: jobs.exclusive,
    lookUpUnknown: (arxivId) =>
      lookUpPaper(arxivId, {
        db,
        enabled: lookupsAllowed,
        askArxiv: arxiv.lookup,
      }),
    // Venue links under the same setting and consent as arXiv look-ups, one request at a time.
    lookUpVenue: (key) =>
      lookUpVenuePaper(key, {
        db,
        enabled: lookupsAllowed,
        askVenue: (venueKey) => venueRequests(() => askVenue(venueKey)),
      }),
  });
  browser.runtime.onMessage.addListener(
    createMessageListener(
      {
        ...service,
        ...jobHandlers(jobs, fillIn),
        saveToZotero: async ({ paperIds }) =>
          saveToZotero(paperIds, {
            db,
            connector: createZoteroConnector({
              fetch: (input, init) => fetch(input, init),
              baseUrl: (await endpoints()).zotero,
            }),
            mayReachZotero: () => browser.permissions.contains({ origins: [ZOTERO_ORIGIN] }),
          }),
        openInBrowserViewer: async ({ url }, sender) => {
          // Only what the redirect would take, and only for the tab that asks.
          if (isRedirectedAddress(url) && sender.tab?.id !== undefined) {
            await allowInBrowserViewer(url, sender.tab.id);
          }
          return null;
        },
      },
      browser.runtime.id,
      browser.runtime.getURL('/'),
    ),
  );
  // A job a stopped worker never finished: its transaction did not commit; say so on its source.
  jobs.recoverInterrupted().catch(() => undefined); // a failing database says so on first use
  // Every worker start (install, update, browser start, wake-up) checks the bundled digest: a
  // same-revision check is one hash and one read, and it repairs a load that failed last time.
  service.ensureBundledDigest().then(
    (result) => {
      if (!result.ok) {
        console.error('PaperPeek could not load its bundled digest:', result.problems);
      } else fillIn();
    },
    // No database at all (a private window): every request will say so to whoever asks.
    (error: unknown) => console.error('PaperPeek could not open its database:', error),
  );
  return { service, jobs, fillInDetails: fillIn };
}

/**
 * Consent for arXiv look-ups beyond the setting. Firefox (140 and later) asks users to consent to
 * data an extension transmits, and a look-up transmits the id of a link on the page to arXiv:
 * "website content" in Mozilla's taxonomy. The Firefox build declares it as optional data
 * collection (see wxt.config.ts), so there a look-up needs that permission as well as the
 * setting. Chrome has no such permission: the setting alone decides.
 */

/** The data a look-up sends, in Mozilla's taxonomy. */
export const LOOKUP_DATA_COLLECTION = ['websiteContent'] as const;

/** The slice of `browser.permissions` this needs; `data_collection` exists only in Firefox. */
export interface DataCollectionPermissions {
  contains(permissions: { data_collection: string[] }): Promise<boolean>;
  request(permissions: { data_collection: string[] }): Promise<boolean>;
}

export interface LookupConsent {
  /** Whether the browser lets look-ups transmit; never rejects (a failure means no). */
  granted(): Promise<boolean>;
  /**
   * Asks the browser, which may show a prompt: call it straight from the click that turns
   * look-ups on (Firefox grants requests only during a user action). Never rejects.
   */
  request(): Promise<boolean>;
}

/** Chrome, and every test that is not about Firefox: the setting is the consent. */
export const CONSENT_BY_SETTING: LookupConsent = {
  granted: async () => true,
  request: async () => true,
};

/**
 * Firefox's data-collection permission. An error (a browser that does not know the key) counts
 * as not granted: privacy fails closed, and the options page says look-ups are off.
 */
export function dataCollectionConsent(permissions: DataCollectionPermissions): LookupConsent {
  const asked = { data_collection: [...LOOKUP_DATA_COLLECTION] };
  return {
    granted: () => permissions.contains(asked).catch(() => false),
    request: () => permissions.request(asked).catch(() => false),
  };
}

/** The consent of the browser this build is for. */
export function lookupConsentFor(
  isFirefox: boolean,
  permissions: DataCollectionPermissions,
): LookupConsent {
  return isFirefox ? dataCollectionConsent(permissions) : CONSENT_BY_SETTING;
}

/**
 * arXiv look-ups and Firefox's consent for the data they send: the permission asked for, failures
 * counting as "no", and the options toggle that asks for it from the click.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SettingsSection, type SettingsSectionProps } from '@/components/options/SettingsSection';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import {
  CONSENT_BY_SETTING,
  dataCollectionConsent,
  lookupConsentFor,
  type DataCollectionPermissions,
} from '@/lib/sources/lookup-consent';
import { DEFAULT_SOURCE_SETTINGS } from '@/lib/sources/source-settings';

const { document, window, HTMLInputElement } = parseHTML(
  '<!doctype html><html><body></body></html>',
);
Object.assign(globalThis, { document });
// linkedom has no `checked` state; a browser's box keeps it apart from the attribute.
const checkedState = new WeakMap<object, boolean>();
Object.defineProperty(HTMLInputElement.prototype, 'checked', {
  get(this: Element) {
    return checkedState.get(this) ?? this.hasAttribute('checked');
  },
  set(this: Element, value: unknown) {
    checkedState.set(this, Boolean(value));
  },
  configurable: true,
});

function fakePermissions(answer: (kind: 'contains' | 'request') => Promise<boolean>) {
  const asked: { kind: string; permissions: unknown }[] = [];
  const permissions: DataCollectionPermissions = {
    contains: (value) => {
      asked.push({ kind: 'contains', permissions: value });
      return answer('contains');
    },
    request: (value) => {
      asked.push({ kind: 'request', permissions: value });
      return answer('request');
    },
  };
  return { permissions, asked };
}

describe('consent for arXiv look-ups', () => {
  it('asks Firefox for website content, the data a look-up sends', async () => {
    const { permissions, asked } = fakePermissions(async () => true);
    const consent = dataCollectionConsent(permissions);
    expect(await consent.granted()).toBe(true);
    expect(await consent.request()).toBe(true);
    expect(asked).toEqual([
      { kind: 'contains', permissions: { data_collection: ['websiteContent'] } },
      { kind: 'request', permissions: { data_collection: ['websiteContent'] } },
    ]);
  });

  it('counts a browser that does not know the permission as no consent (privacy fails closed)', async () => {
    const { permissions } = fakePermissions(async () => {
      throw new Error(
        'Type error for parameter permissions: Unexpected property "data_collection"',
      );
    });
    const consent = dataCollectionConsent(permissions);
    expect(await consent.granted()).toBe(false);
    expect(await consent.request()).toBe(false);
  });

  it('leaves Chrome to the setting alone, and never touches its permissions', async () => {
    const { permissions, asked } = fakePermissions(async () => false);
    const consent = lookupConsentFor(false, permissions);
    expect(consent).toBe(CONSENT_BY_SETTING);
    expect(await consent.granted()).toBe(true);
    expect(asked).toEqual([]);
    expect(lookupConsentFor(true, permissions)).not.toBe(CONSENT_BY_SETTING);
  });
});

describe('the options toggle for look-ups', () => {
  function mount(overrides: Partial<SettingsSectionProps>) {
    const props: SettingsSectionProps = {
      settings: DEFAULT_SETTINGS,
      sources: DEFAULT_SOURCE_SETTINGS,
      updateSettings: vi.fn(),
      updateSources: vi.fn(),
      grantFeed: async () => true,
      lookupsConsented: true,
      requestLookupConsent: vi.fn(async () => true),
      ...overrides,
    };
    const container = document.createElement('div');
    act(() => render(<SettingsSection {...props} />, container));
    const labels = [...container.querySelectorAll('label')];
    const label = labels.find((each) => each.textContent?.includes('Look up papers'));
    const box = label?.querySelector('input') as HTMLInputElement;
    const click = async (checked: boolean) => {
      await act(async () => {
        box.checked = checked;
        box.dispatchEvent(new window.Event('change'));
      });
    };
    const status = () => container.querySelector('[role="status"]')?.textContent ?? null;
    return { props, box, click, status };
  }

  it('is off while the browser has not consented, even with the setting on', () => {
    const { box } = mount({ lookupsConsented: false });
    expect(box.checked).toBe(false);
  });

  it('asks for consent from the click, and turns look-ups on once it is given', async () => {
    const { props, click, status } = mount({ lookupsConsented: false });
    await click(true);
    expect(props.requestLookupConsent).toHaveBeenCalledTimes(1);
    expect(props.updateSources).toHaveBeenCalledWith({ arxivLookups: true });
    expect(status()).toBeNull();
  });

  it('stays off and says why when the consent is refused, every time', async () => {
    const requestLookupConsent = vi.fn(async () => false);
    const { props, box, click, status } = mount({ lookupsConsented: false, requestLookupConsent });
    for (const attempt of [1, 2]) {
      await click(true);
      expect(requestLookupConsent).toHaveBeenCalledTimes(attempt);
      expect(box.checked).toBe(false);
      expect(status()).toMatch(/did not allow PaperPeek to send paper ids to arXiv/);
    }
    expect(props.updateSources).not.toHaveBeenCalled();
  });

  it('turns off without asking anything', async () => {
    const { props, box, click } = mount({});
    expect(box.checked).toBe(true);
    await click(false);
    expect(props.requestLookupConsent).not.toHaveBeenCalled();
    expect(props.updateSources).toHaveBeenCalledWith({ arxivLookups: false });
  });
});

describe('adding a feed on the options page', () => {
  async function addFeed(grantFeed: SettingsSectionProps['grantFeed']) {
    const updateSources = vi.fn();
    const props: SettingsSectionProps = {
      settings: DEFAULT_SETTINGS,
      sources: DEFAULT_SOURCE_SETTINGS,
      updateSettings: vi.fn(),
      updateSources,
      grantFeed,
      lookupsConsented: true,
      requestLookupConsent: vi.fn(async () => true),
    };
    const container = document.createElement('div');
    act(() => render(<SettingsSection {...props} />, container));
    const input = container.querySelector('input[aria-label="Feed address"]') as HTMLInputElement;
    await act(async () => {
      input.value = 'https://example.org/papers.json';
      input.dispatchEvent(new window.Event('input'));
    });
    const form = input.closest('form') as HTMLFormElement;
    await act(async () => {
      form.dispatchEvent(new window.Event('submit'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    return { updateSources, alert: container.querySelector('[role="alert"]')?.textContent };
  }

  it('adds it once the browser grants its site', async () => {
    const { updateSources, alert } = await addFeed(async () => true);
    expect(updateSources).toHaveBeenCalledWith({ feeds: ['https://example.org/papers.json'] });
    expect(alert).toBeUndefined();
  });

  it('says so when the user refuses the site', async () => {
    const { updateSources, alert } = await addFeed(async () => false);
    expect(updateSources).not.toHaveBeenCalled();
    expect(alert).toBe('PaperPeek was not allowed to read example.org.');
  });

  it('says why when the browser refuses to ask at all (Firefox, an undeclared origin)', async () => {
    const { updateSources, alert } = await addFeed(() =>
      Promise.reject(
        new Error(
          'Cannot request origin permission for https://example.org/* since it was not declared in the manifest',
        ),
      ),
    );
    expect(updateSources).not.toHaveBeenCalled();
    expect(alert).toMatch(/^Not added: Cannot request origin permission/);
  });
});

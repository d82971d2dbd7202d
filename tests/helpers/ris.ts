/**
 * RIS read back by citation-js's RIS parser (@citation-js/plugin-ris): how the tests check that
 * an export is one reference managers read, field by field, as CSL-JSON items.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';

export interface RisItem {
  type: string;
  title?: string;
  author?: { family?: string; given?: string; suffix?: string; literal?: string }[];
  issued?: { 'date-parts': number[][] };
  DOI?: string;
  URL?: string;
  publisher?: string;
  keyword?: string;
  note?: string;
  'container-title'?: string;
  'event-title'?: string;
}

export function readRis(ris: string): RisItem[] {
  return new Cite(ris).data as RisItem[];
}

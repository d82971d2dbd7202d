/**
 * Checking incoming messages against the contract. Owns: what a valid request is (known type,
 * canonical keys, the limits) and the error that names what is wrong. Never: calls a method of
 * an untrusted value, or lets a malformed request reach a handler.
 */
import { parsePaperKey, type PaperKey } from '../links/paper-key';
import { mayLookUp } from '../links/lookup-keys';
import type { LinkFacts } from '../links/paper-link';
import { badRequest, type ProtocolError } from './errors';
import {
  IMPORT_CHUNK_PAPERS,
  MAX_KEYS_PER_MESSAGE,
  MAX_REFERENCE_CHARS,
  MAX_REFERENCES_PER_MESSAGE,
  type Request,
} from './messages';

const MAX_FIELD_LENGTH = 4_000;

/** Checks an incoming message against the protocol; returns the typed request or why not. */
export function parseRequest(raw: unknown): Request | ProtocolError {
  if (!isRecord(raw)) return badRequest('not an object');
  const { type } = raw;
  const data = isRecord(raw.data) ? raw.data : {};
  switch (type) {
    case 'lookup': {
      const keys = readKeys(data.keys, 'lookup: data.keys');
      return Array.isArray(keys) ? { type, data: { keys } } : keys;
    }
    case 'pageSummary': {
      const { paperIds } = data;
      if (
        !Array.isArray(paperIds) ||
        paperIds.length > MAX_KEYS_PER_MESSAGE ||
        !paperIds.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 200)
      ) {
        return badRequest(
          `pageSummary: data.paperIds must be at most ${MAX_KEYS_PER_MESSAGE} paper ids`,
        );
      }
      return { type, data: { paperIds } };
    }
    case 'resolveLinks': {
      const { links } = data;
      if (!Array.isArray(links)) return badRequest('resolveLinks: data.links must be an array');
      if (links.length > MAX_KEYS_PER_MESSAGE) {
        return badRequest(`resolveLinks: at most ${MAX_KEYS_PER_MESSAGE} links per message`);
      }
      const facts: LinkFacts[] = [];
      for (const link of links) {
        const read = readLinkFacts(link);
        if (!read) return badRequest('resolveLinks: each link needs a string href');
        facts.push(read);
      }
      return { type, data: { links: facts } };
    }
    case 'save':
    case 'undoSave': {
      const { paperId } = data;
      if (typeof paperId !== 'string' || paperId.length === 0 || paperId.length > 200) {
        return badRequest(`${type}: data.paperId must be a paper id`);
      }
      return { type, data: { paperId } };
    }
    case 'saveToZotero':
    case 'citationItems': {
      const { paperIds } = data;
      if (
        !Array.isArray(paperIds) ||
        paperIds.length === 0 ||
        paperIds.length > MAX_KEYS_PER_MESSAGE ||
        !paperIds.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 200)
      ) {
        return badRequest(`${type}: data.paperIds must be 1 to ${MAX_KEYS_PER_MESSAGE} paper ids`);
      }
      return { type, data: { paperIds } };
    }
    case 'status':
    case 'openReadingList':
    case 'openSettings':
    case 'syncReadingList':
    case 'refreshNow':
    case 'clearDigest':
      return { type, data: {} };
    case 'fetchPaper': {
      const key = parsePaperKey(data.key);
      if (!key || !mayLookUp(key))
        return badRequest('fetchPaper: data.key must be an arxiv:, openreview:, doi: or acl: key');
      return { type, data: { key } };
    }
    case 'openInBrowserViewer': {
      const { url } = data;
      if (typeof url !== 'string' || url.length > 2_000 || !/^https:\/\//.test(url)) {
        return badRequest('openInBrowserViewer: data.url must be an https address');
      }
      return { type, data: { url } };
    }
    case 'resolveReferences': {
      const { texts } = data;
      if (
        !Array.isArray(texts) ||
        texts.length > MAX_REFERENCES_PER_MESSAGE ||
        !texts.every((text) => typeof text === 'string')
      ) {
        return badRequest(
          `resolveReferences: data.texts must be at most ${MAX_REFERENCES_PER_MESSAGE} strings`,
        );
      }
      return {
        type,
        data: { texts: texts.map((text: string) => text.slice(0, MAX_REFERENCE_CHARS)) },
      };
    }
    case 'importBegin': {
      const { label } = data;
      if (typeof label !== 'string') return badRequest('importBegin: data.label must be text');
      return { type, data: { label: label.slice(0, 200) } };
    }
    case 'importChunk': {
      const { importId, papers } = data;
      if (typeof importId !== 'string' || importId.length > 100) {
        return badRequest('importChunk: data.importId must be an import id');
      }
      if (!Array.isArray(papers) || papers.length > IMPORT_CHUNK_PAPERS) {
        return badRequest(
          `importChunk: data.papers must be an array of at most ${IMPORT_CHUNK_PAPERS}`,
        );
      }
      return { type, data: { importId, papers } };
    }
    case 'importCommit': {
      const { importId } = data;
      if (typeof importId !== 'string' || importId.length > 100) {
        return badRequest('importCommit: data.importId must be an import id');
      }
      return { type, data: { importId } };
    }
    default:
      return badRequest(`unknown message type: ${preview(type)}`);
  }
}

function readKeys(value: unknown, path: string): PaperKey[] | ProtocolError {
  if (!Array.isArray(value)) return badRequest(`${path} must be an array`);
  if (value.length > MAX_KEYS_PER_MESSAGE) {
    return badRequest(`${path}: at most ${MAX_KEYS_PER_MESSAGE} keys per message`);
  }
  const keys: PaperKey[] = [];
  for (const key of value) {
    const paperKey = parsePaperKey(key);
    if (!paperKey) return badRequest(`${path}: not a paper key: ${preview(key)}`);
    keys.push(paperKey);
  }
  return keys;
}

function readLinkFacts(value: unknown): LinkFacts | null {
  if (!isRecord(value) || typeof value.href !== 'string') return null;
  const facts: LinkFacts = { href: value.href.slice(0, MAX_FIELD_LENGTH) };
  for (const field of ['baseUrl', 'text', 'title', 'expandedUrl'] as const) {
    const fieldValue = value[field];
    if (typeof fieldValue === 'string') facts[field] = fieldValue.slice(0, MAX_FIELD_LENGTH);
  }
  return facts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value from an untrusted message, for an error text; never calls the value's own methods. */
function preview(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 80) : `(${typeof value})`;
}

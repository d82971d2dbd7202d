/**
 * Where a paper was published, in words a researcher cites ("NeurIPS 2020", "Findings of EMNLP
 * 2023"): the digest's or a look-up's own `venue`, else what its venue keys say (an ACL
 * Anthology id, a NeurIPS or CVF page, a known PMLR volume). Never: guesses from a DOI or an
 * OpenReview id, which name no venue.
 */
import { venueKeysOf } from '../links/venue';
import { PMLR_VOLUME_ROWS } from './pmlr-volumes';
import type { Paper } from './schema';

export interface Venue {
  /** With the year when there is one: "ACL 2023". */
  name: string;
  year?: number;
  /** Proceedings are cited with `booktitle` (`@inproceedings`), journals with `journal`. */
  kind: 'proceedings' | 'journal';
}

/** ACL Anthology event prefixes, new ids (`2023.emnlp-main.1`). */
const ACL_EVENTS: Record<string, [string, Venue['kind']]> = {
  acl: ['ACL', 'proceedings'],
  emnlp: ['EMNLP', 'proceedings'],
  naacl: ['NAACL', 'proceedings'],
  eacl: ['EACL', 'proceedings'],
  aacl: ['AACL', 'proceedings'],
  coling: ['COLING', 'proceedings'],
  conll: ['CoNLL', 'proceedings'],
  lrec: ['LREC', 'proceedings'],
  semeval: ['SemEval', 'proceedings'],
  wmt: ['WMT', 'proceedings'],
  tacl: ['TACL', 'journal'],
  cl: ['Computational Linguistics', 'journal'],
};

/** Old Anthology ids (`P19-1001`): the letter is the event. */
const ACL_LETTERS: Record<string, [string, Venue['kind']]> = {
  P: ['ACL', 'proceedings'],
  N: ['NAACL', 'proceedings'],
  D: ['EMNLP', 'proceedings'],
  E: ['EACL', 'proceedings'],
  C: ['COLING', 'proceedings'],
  K: ['CoNLL', 'proceedings'],
  S: ['SemEval', 'proceedings'],
  L: ['LREC', 'proceedings'],
  I: ['IJCNLP', 'proceedings'],
  W: ['ACL workshops', 'proceedings'],
  Q: ['TACL', 'journal'],
  J: ['Computational Linguistics', 'journal'],
};

/** PMLR volumes by their conference (lib/digest/pmlr-volumes.ts): `v247` → COLT 2024. */
const PMLR_VOLUMES = new Map<string, readonly [string, number]>(
  PMLR_VOLUME_ROWS.map(([volume, conference, year]) => [`v${volume}`, [conference, year]]),
);

const named = (name: string, year: number | undefined, kind: Venue['kind']): Venue =>
  year ? { name: `${name} ${year}`, year, kind } : { name, kind };

/** What one venue key says of the venue, or null when it names none. */
export function venueOfKey(key: string): Venue | null {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (kind === 'acl') {
    const fresh = /^(\d{4})\.([a-z0-9]+)(?:-[a-z0-9-]+)?\.\d+$/.exec(id);
    if (fresh) {
      const year = Number(fresh[1]);
      const event = fresh[2] ?? '';
      const findings = /^\d{4}\.findings-([a-z]+)/.exec(id)?.[1];
      if (event === 'findings' && findings)
        return named(
          `Findings of ${ACL_EVENTS[findings]?.[0] ?? findings.toUpperCase()}`,
          year,
          'proceedings',
        );
      const [name, venueKind] = ACL_EVENTS[event] ?? ['ACL Anthology', 'proceedings'];
      return named(name, year, venueKind);
    }
    const old = /^([A-Z])(\d{2})-\d{4}$/.exec(id);
    if (!old) return null;
    const twoDigits = Number(old[2]);
    const [name, venueKind] = ACL_LETTERS[old[1] ?? ''] ?? ['ACL Anthology', 'proceedings'];
    return named(name, twoDigits >= 60 ? 1900 + twoDigits : 2000 + twoDigits, venueKind);
  }
  if (kind === 'neurips') {
    const year = Number(id.slice(0, 4));
    // The conference was NIPS until its 2018 rename; papers are cited by the name they had.
    return named(year < 2018 ? 'NIPS' : 'NeurIPS', year, 'proceedings');
  }
  if (kind === 'cvf') {
    const match = /^([A-Z]+)(\d{4})(W?)\//.exec(id);
    if (!match) return null;
    const name = `${match[1]} ${match[2]}${match[3] ? ' Workshops' : ''}`;
    return { name, year: Number(match[2]), kind: 'proceedings' };
  }
  if (kind === 'pmlr') {
    const volume = id.slice(0, id.indexOf('/'));
    const known = PMLR_VOLUMES.get(volume);
    return known
      ? named(known[0], known[1], 'proceedings')
      : named(`PMLR ${volume}`, undefined, 'proceedings');
  }
  return null;
}

const CONFERENCE =
  /proceedings|conference|workshop|symposium|\b(?:ICLR|ICML|NeurIPS|NIPS|CVPR|ICCV|ECCV|WACV|ACL|EMNLP|NAACL|EACL|COLING|AAAI|IJCAI|KDD|SIGIR|WWW|AISTATS|UAI|COLT|CoRL|RSS|ICRA|IROS|BMVC|MICCAI|INTERSPEECH|ICASSP)\b/i;

/** A venue in words ("ICLR 2024", "Nature 596, 583 (2021)"), with its year and kind. */
function venueOfText(text: string): Venue {
  const year = /\b(19[5-9]\d|20\d{2})\b/.exec(text)?.[1];
  return {
    name: text,
    ...(year ? { year: Number(year) } : {}),
    kind: CONFERENCE.test(text) ? 'proceedings' : 'journal',
  };
}

/**
 * Where `paper` was published, when anything says so: its own `venue`, else its venue keys, else
 * the journal reference its authors gave arXiv ("Accepted at ICML 2023" is cited as such).
 */
export function paperVenue(
  paper: Pick<Paper, 'venue' | 'doi' | 'links'> & { journalRef?: string },
): Venue | null {
  if (paper.venue) return venueOfText(paper.venue);
  for (const key of venueKeysOf(paper)) {
    const venue = venueOfKey(key);
    if (venue) return venue;
  }
  const reference = paper.journalRef?.replace(
    /^(?:published|accepted|to appear)\s+(?:at|in|to|by)\s+/i,
    '',
  );
  return reference && reference.length <= 120 ? venueOfText(reference) : null;
}

/**
 * First path segments of github.com that are GitHub's own pages and that the
 * `github-reserved-names` package does not list yet. Owns: these names; where each was seen is
 * its comment (the content script carries the names only). Each is a page GitHub links to from
 * its own site, so no account can hold the name. Names that look like GitHub's but are real
 * accounts stay out: `skills`, `community`, `actions` and `github` are organisations with
 * repositories (github.com/skills/introduction-to-github).
 *
 * Seen in GitHub's navigation menu, in a saved copy of a github.com wiki page (2026-06-06).
 */
export const GITHUB_OWN_PAGES: readonly string[] = [
  'solutions', // Solutions: "View all solutions", use cases, industries (/solutions/use-case/devops)
  'trust-center', // Resources: "Trust center" (/trust-center)
  'accelerator', // Open Source, Programs: "Accelerator" (/accelerator)
  'premium-support', // Enterprise, Available add-ons: "Premium Support" (/premium-support)
];

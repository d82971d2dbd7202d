/**
 * First path segments of github.com that are GitHub's own pages and that the
 * `github-reserved-names` package does not list yet. Owns: these rows and where each was seen.
 * Each is a page GitHub links to from its own site, so no account can hold the name. Names that
 * look like GitHub's but are real accounts stay out: `skills`, `community`, `actions` and
 * `github` are organisations with repositories (github.com/skills/introduction-to-github).
 */
export const GITHUB_OWN_PAGES: readonly { name: string; seen: string }[] = [
  // GitHub's navigation menu, Solutions: "View all solutions", use cases and industries (a
  // saved copy of a github.com wiki page, 2026-06-06).
  { name: 'solutions', seen: 'github.com navigation menu: github.com/solutions/use-case/devops' },
  // The same menu, Resources: "Trust center".
  { name: 'trust-center', seen: 'github.com navigation menu: github.com/trust-center' },
  // The same menu, Open Source, Programs: "Accelerator".
  { name: 'accelerator', seen: 'github.com navigation menu: github.com/accelerator' },
  // The same menu, Enterprise, Available add-ons: "Premium Support".
  { name: 'premium-support', seen: 'github.com navigation menu: github.com/premium-support' },
];

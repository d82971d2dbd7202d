import { defineConfig } from 'wxt';

// Explicit imports everywhere (no auto-imports): every module says where its names come from.
export default defineConfig({
  imports: false,
  manifest: ({ browser }) => ({
    name: 'PaperPeek',
    description:
      "Hover an arXiv or GitHub link to read the paper's abstract; search papers and keep a reading list.",
    permissions: ['storage', 'unlimitedStorage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'paperpeek@paperpeek.dev', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', '.cache/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Text is rendered as text: the sinks that parse HTML are off limits everywhere.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text, never HTML.' },
        { property: 'outerHTML', message: 'Render text, never HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render text, never HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML.',
        },
      ],
    },
  },
);

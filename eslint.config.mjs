// ESLint for lib/, test/ and scripts/: the TypeScript recommendations, plus the house rule that
// one stage imports another only through that stage's index.ts (its public API).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const throughIndex = (depth) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `^${'\\.\\./'.repeat(depth)}[^./][^/]*/.+`,
          message: "Import another lib folder through its index.ts (e.g. '../signal'), not a file inside it.",
        },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'outputs/', 'lib/engine/native/build/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  { files: ['lib/*/*.ts'], rules: throughIndex(1) },
  { files: ['lib/*/*/*.ts'], rules: throughIndex(2) },
  { files: ['lib/*/*/*/*.ts'], rules: throughIndex(3) },
);

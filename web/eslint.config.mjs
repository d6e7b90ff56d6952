import next from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Next's rules, the React hooks rules among them, over the app and its tests; the build fails on any error.
const config = [
  ...next,
  ...nextTypescript,
  { ignores: ['.next/**', 'out/**', 'target/**', 'node_modules/**', 'next-env.d.ts', 'public/sw.js'] },
];

export default config;

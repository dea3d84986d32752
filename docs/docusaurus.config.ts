import type { Config } from '@docusaurus/types';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import calculatorRoutes from './src/plugins/calculator-routes';
import siteWeight from './src/plugins/site-weight';

const packages = ['core', 'conv', 'rnn', 'optim', 'logic-nets', 'core-wasm'];

const config: Config = {
  title: 'dnn-solvers',
  tagline: 'Step-by-step solvers for deep-neural-network exam problems',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'ignore',
  markdown: { format: 'detect', hooks: { onBrokenMarkdownLinks: 'warn' } },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  // Rspack, SWC and Lightning CSS: a build of a few minutes at most on 2 cores.
  future: { v4: true, faster: true },
  favicon: 'img/favicon.svg',
  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkMath],
          rehypePlugins: [[rehypeKatex, { trust: false, strict: 'ignore', throwOnError: false }]],
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      },
    ],
  ],
  plugins: [
    [
      'docusaurus-plugin-typedoc',
      {
        entryPoints: packages.map((p) => `../packages/${p}/src/index.ts`),
        tsconfig: './tsconfig.typedoc.json',
        plugin: ['./typedoc-module-names.mjs'],
        name: 'API reference',
        out: 'docs/api',
        readme: 'none',
        excludePrivate: true,
        excludeInternal: true,
        excludeExternals: true,
        outputFileStrategy: 'modules',
        sidebar: { autoConfiguration: true, pretty: true },
        skipErrorChecking: true,
        disableSources: true,
        hideGenerator: true,
        hidePageHeader: true,
        logLevel: 'Warn',
      },
    ],
    calculatorRoutes,
    siteWeight,
  ],
  clientModules: ['./src/clientModules/katex-css.ts', './src/clientModules/hydrated.ts'],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'dnn-solvers',
      items: [
        { type: 'docSidebar', sidebarId: 'guides', position: 'left', label: 'Guides' },
        { to: '/calculators', label: 'Calculators', position: 'left' },
        { to: '/practice', label: 'Practice', position: 'left' },
        { to: '/exam', label: 'Exams', position: 'left' },
        { to: '/widgets', label: 'Widgets', position: 'left' },
        { type: 'docSidebar', sidebarId: 'api', position: 'left', label: 'API' },
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'dnn-solvers — MIT licensed. Every answer comes with its worked steps.',
    },
  },
};

export default config;

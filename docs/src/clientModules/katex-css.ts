// KaTeX's stylesheet, bundled (no CDN: the site works offline). Its fonts are emitted as separate woff2/woff/ttf
// files, never inlined (plugins/site-weight.ts): the browser fetches only the woff2 files a page's formulas use.
import 'katex/dist/katex.min.css';

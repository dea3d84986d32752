// Bundles KaTeX's stylesheet and fonts into the site (no CDN: the site works offline).
import 'katex/dist/katex.min.css';

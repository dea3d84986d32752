// Stands in for @docusaurus/theme-classic's `prism-include-languages` client module when the site configures no
// `prism.additionalLanguages` (see site-weight.ts): that module only registers extra languages, but importing it
// put prism-react-renderer and prismjs (~110 KB) into main.js, run on every page. Code blocks still highlight:
// CodeBlock imports prism-react-renderer itself, in the chunks of the pages that have code.
export {};

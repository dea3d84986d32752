/**
 * The docs layout (guides, API reference) with the Infima components only it renders (admonitions, breadcrumbs,
 * pagination, tabs, table of contents, …), which plugins/site-weight.ts takes out of every page's CSS.
 */
import '@site/node_modules/.cache/dnn-site-weight/node_modules/infima/dist/infima-docs.css';
import DocRoot from '@theme-original/DocRoot';

export default DocRoot;

// Bundles the workbench editors into target/classes/static/modeling/assets (served as
// /modeling/assets/…), the monitor's charts into target/classes/static/monitor-assets, and
// the case overview's diagram viewer into
// target/classes/static/casus-assets (/casus-assets/…). Run by Maven (exec-maven-plugin:
// npm ci, npm run build); not committed.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = process.env.ZORGPAD_ASSETS_DIR
  || path.resolve(here, '../../../target/classes/static/modeling/assets');

await esbuild.build({
  entryPoints: {
    process: path.join(here, 'src/bpmn.js'),
    decision: path.join(here, 'src/dmn.js'),
    form: path.join(here, 'src/form.js')
  },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir,
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info'
});

// The case overview's read-only viewer: small, no editor modules.
const caseOutdir = process.env.ZORGPAD_CASE_ASSETS_DIR
  || path.resolve(here, '../../../target/classes/static/casus-assets');
await esbuild.build({
  entryPoints: { 'case-diagram': path.join(here, 'src/case-diagram.js') },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir: caseOutdir,
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info'
});

// The auditor's case history diagram (path taken, time per step): read-only viewer.
await esbuild.build({
  entryPoints: { 'audit-diagram': path.join(here, 'src/audit-diagram.js') },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir: process.env.ZORGPAD_AUDIT_ASSETS_DIR
    || path.resolve(here, '../../../target/classes/static/audit-assets'),
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info'
});

// The Kansrijke Start monitor's charts (Apache ECharts): /monitor-assets/monitor-charts.js
await esbuild.build({
  entryPoints: { 'monitor-charts': path.join(here, 'src/monitor-charts.js') },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir: process.env.ZORGPAD_MONITOR_ASSETS_DIR
    || path.resolve(here, '../../../target/classes/static/monitor-assets'),
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info'
});

// axe-core for the accessibility browser tests (AccessibilityBrowserIT injects it into each
// page): copied beside the build output, never into the application's static resources.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
const axeDir = process.env.ZORGPAD_AXE_DIR || path.resolve(here, '../../../target/axe');
await mkdir(axeDir, { recursive: true });
await copyFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  path.join(axeDir, 'axe.min.js'));

'use strict';
// kommo-widget build: runs esbuild from the project's own node_modules and hands the bundle back as one JSON object on
// standard output. kommo-widget passes the settings as JSON on standard input and does everything else itself (the AMD
// wrapper, the source map shift, the static files, writing only what changed, validation).
const fs = require('fs');
const path = require('path');

function send(result) {
  process.stdout.write(JSON.stringify(result));
}

// esbuild counts columns in UTF-8 bytes; editors and browsers count UTF-16 code units, from 1.
function message(m, severity) {
  const loc = m.location;
  let column = 0;
  if (loc) {
    column = Buffer.from(loc.lineText || '', 'utf8').subarray(0, loc.column).toString('utf8').length + 1;
  }
  return {
    severity: severity,
    text: m.text,
    file: loc ? loc.file : null,
    line: loc ? loc.line : 0,
    column: column,
    lineText: loc ? loc.lineText : null,
    notes: (m.notes || []).map(function (n) { return n.text; })
  };
}

async function main() {
  const config = JSON.parse(fs.readFileSync(0, 'utf8'));
  let esbuild;
  try {
    esbuild = require(require.resolve('esbuild', { paths: [config.root] }));
  } catch (e) {
    send({ missing: 'esbuild', detail: String((e && e.message) || e) });
    return;
  }
  const outfile = path.join(config.outdir, 'script.js');
  try {
    const result = await esbuild.build({
      absWorkingDir: config.root,
      entryPoints: [config.entry],
      outfile: outfile,
      bundle: true,
      // An IIFE assigned to a variable; kommo-widget puts it inside define(deps, factory) and returns its default export.
      format: 'iife',
      globalName: config.globalName,
      platform: 'browser',
      target: config.target,
      // Readable output: moderation refuses minified own code.
      minify: false,
      sourcemap: 'external',
      sourcesContent: true,
      charset: 'utf8',
      external: config.external,
      loader: { '.twig': 'text', '.html': 'text' },
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      metafile: true,
      logLevel: 'silent'
    });
    const externals = [];
    for (const name of Object.keys(result.metafile.outputs)) {
      for (const imported of result.metafile.outputs[name].imports) {
        if (imported.external && externals.indexOf(imported.path) < 0) {
          externals.push(imported.path);
        }
      }
    }
    send({
      ok: true,
      version: esbuild.version,
      files: result.outputFiles.map(function (f) {
        return { path: path.relative(config.outdir, f.path).split(path.sep).join('/'), base64: Buffer.from(f.contents).toString('base64') };
      }),
      externals: externals,
      inputs: Object.keys(result.metafile.inputs),
      warnings: result.warnings.map(function (m) { return message(m, 'warning'); })
    });
  } catch (e) {
    if (e && Array.isArray(e.errors)) {
      send({
        ok: false,
        version: esbuild.version,
        errors: e.errors.map(function (m) { return message(m, 'error'); }),
        warnings: (e.warnings || []).map(function (m) { return message(m, 'warning'); })
      });
    } else {
      send({ ok: false, errors: [{ severity: 'error', text: String((e && e.stack) || e), file: null, line: 0, column: 0, lineText: null, notes: [] }], warnings: [] });
    }
  }
}

main().catch(function (e) {
  send({ ok: false, errors: [{ severity: 'error', text: String((e && e.stack) || e), file: null, line: 0, column: 0, lineText: null, notes: [] }], warnings: [] });
});

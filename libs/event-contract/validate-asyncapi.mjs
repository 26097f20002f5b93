// Validates the audit contract (src/main/resources/contract/asyncapi.yaml) with the official AsyncAPI parser: the
// AsyncAPI schema, every $ref (the event schema files too) and the spec's own rules. The Maven build runs it
// (exec-maven-plugin, phase test) and fails on any diagnostic of severity error. The parser comes from the npm
// registry as package-lock.json pins it: `npm ci` runs when node_modules was not installed from this very lock,
// so a build costs the install once, not every time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const lock = readFileSync(path.join(here, 'package-lock.json'), 'utf8');
const installed = path.join(here, 'node_modules', '.installed-lock.json');
if (!existsSync(installed) || readFileSync(installed, 'utf8') !== lock) {
    const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
    if (npm.status !== 0) {
        console.error(`npm ci failed (${npm.status ?? npm.error}): the AsyncAPI parser could not be installed`);
        process.exit(1);
    }
    writeFileSync(installed, lock);
}

const { Parser, fromFile } = await import('@asyncapi/parser');
const file = path.resolve(here, process.argv[2] ?? 'src/main/resources/contract/asyncapi.yaml');
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
// Spectral's severities, which the parser's diagnostics carry
const ERROR = 0;
const names = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
    const where = d.path?.length ? d.path.join('.') : '(document)';
    console.log(`${names[d.severity] ?? d.severity} ${d.code} at ${where}: ${d.message}`);
}
const errors = diagnostics.filter(d => d.severity === ERROR);
if (errors.length > 0 || document === undefined) {
    console.error(`${path.basename(file)}: ${errors.length} error(s), the AsyncAPI parser refuses it`);
    process.exit(1);
}
console.log(`${path.basename(file)}: valid AsyncAPI ${document.version()}, ${document.allMessages().length} messages, `
    + `${document.channels().length} channels`);

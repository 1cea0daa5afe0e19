// The extension's activate() and commands against the vscode stand-in (./vscodeMock) and a fake kommo-widget: a node
// script that records its arguments, speaks just enough LSP for the client to start, prints the dev host's banner, and
// writes what pack and new would.
import { answers, changeSetting, commands, recorded, reset } from './vscodeMock';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import * as extension from '../src/extension';

const FAKE = String.raw`
const fs = require('fs');
const path = require('path');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_KW_LOG, JSON.stringify({ args, cwd: process.cwd() }) + '\n');
const [command] = args;
if (command === 'lsp' && args[1] === '--help') {
  if (process.env.FAKE_KW_NO_LSP) {
    process.stderr.write("error: unknown command 'lsp'\nRun 'kommo-widget --help' for usage.\n");
    process.exit(2);
  }
  process.stdout.write('Usage: kommo-widget lsp\n');
  process.exit(0);
}
if (command === 'lsp') {
  let buffer = Buffer.alloc(0);
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    process.stdout.write('Content-Length: ' + body.length + '\r\n\r\n');
    process.stdout.write(body);
  };
  process.stdin.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
      if (buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
      buffer = buffer.subarray(end + 4 + length);
      fs.appendFileSync(process.env.FAKE_KW_LOG, JSON.stringify({ lsp: message.method }) + '\n');
      if (message.method === 'initialize') send({ id: message.id, result: { capabilities: { textDocumentSync: 1 }, serverInfo: { name: 'fake' } } });
      else if (message.method === 'shutdown') send({ id: message.id, result: null });
      else if (message.method === 'exit') process.exit(0);
    }
  });
  return;
}
if (command === 'pack') {
  fs.writeFileSync(args[args.indexOf('--output') + 1], 'PK');
  process.stdout.write('packed\n');
  process.exit(path.basename(args[1]) === 'broken' ? 1 : 0);
}
if (command === 'new') {
  fs.mkdirSync(args[1]);
  fs.writeFileSync(path.join(args[1], 'manifest.json'), '{}');
  process.exit(0);
}
if (command === 'dev') {
  if (process.env.FAKE_KW_PORT_IN_USE) {
    process.stderr.write('error: port 5173 is in use\n');
    process.exit(2);
  }
  process.stdout.write('Listen');
  setTimeout(() => process.stdout.write('ing on http://127.0.0.1:45678\nWidget "w" 1.0.0 from ' + args[1] + '\n'), 50);
  process.on('SIGINT', () => { process.stdout.write('stopped\n'); process.exit(0); });
  setInterval(() => {}, 1000);
  return;
}
process.exit(9);
`;

const unix = process.platform !== 'win32';
let dir = '';
let fake = '';
let log = '';

function calls(): { args?: string[]; cwd?: string; lsp?: string }[] {
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
}

async function until(what: string, condition: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}\nlog:\n${recorded.log.join('\n')}\nmessages: ${JSON.stringify(recorded.messages)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const context = { subscriptions: [] as { dispose(): unknown }[] };

async function activate(): Promise<void> {
  context.subscriptions = [];
  await extension.activate(context as never);
}

async function deactivate(): Promise<void> {
  await extension.deactivate();
  for (const d of context.subscriptions) d.dispose();
}

describe('the extension', { skip: !unix && 'the fake kommo-widget is a script with a #! line' }, () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kommo-vscode-ext-'));
    fake = path.join(dir, 'bin', 'kommo-widget');
    fs.mkdirSync(path.dirname(fake));
    fs.writeFileSync(fake, `#!${process.execPath}\n${FAKE}`, { mode: 0o755 });
    log = path.join(dir, 'calls.log');
    process.env.FAKE_KW_LOG = log;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    await deactivate();
    reset();
    fs.rmSync(log, { force: true });
    delete process.env.FAKE_KW_NO_LSP;
    delete process.env.FAKE_KW_PORT_IN_USE;
  });

  test('registers its commands', async () => {
    answers.settings.set('kommoWidget.path', path.join(dir, 'missing'));
    await activate();
    for (const id of ['kommoWidget.pack', 'kommoWidget.dev', 'kommoWidget.stopDev', 'kommoWidget.new', 'kommoWidget.restartServer']) {
      assert.ok(commands.has(id), id);
    }
    const contributed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).contributes.commands.map(
      (c: { command: string }) => c.command,
    );
    for (const id of contributed) assert.ok(commands.has(id), `${id} is contributed but not registered`);
  });

  test('a missing kommo-widget is one error message with the setting and the install docs', async () => {
    answers.settings.set('kommoWidget.path', path.join(dir, 'nowhere', 'kommo-widget'));
    answers.message = (m) => (m.kind === 'error' ? 'Open Setting' : undefined);
    await activate();
    await until('the message', () => recorded.messages.length > 0);
    const [m] = recorded.messages;
    assert.equal(m.kind, 'error');
    assert.match(m.text, /dotnet tool install --global kommo-widget/);
    assert.deepEqual(m.items, ['Open Setting', 'How to Install']);
    await until('the setting to open', () => recorded.executed.length > 0);
    assert.deepEqual(recorded.executed[0], { command: 'workbench.action.openSettings', args: ['kommoWidget.path'] });
    // Restarting with the same setting does not repeat it; a command the user runs does.
    changeSetting('kommoWidget.path', path.join(dir, 'nowhere', 'kommo-widget'));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(recorded.messages.length, 1);
    await commands.get('kommoWidget.pack')!();
    assert.equal(recorded.messages.length, 2);
    assert.equal(recorded.messages[1].kind, 'error');
  });

  test('starts kommo-widget lsp and stops it', async () => {
    answers.settings.set('kommoWidget.path', fake);
    await activate();
    await until('initialize and initialized', () => calls().some((c) => c.lsp === 'initialized'));
    const lsp = calls().find((c) => c.args?.[0] === 'lsp' && c.args.length === 1);
    assert.deepEqual(lsp?.args, ['lsp']);
    assert.deepEqual(recorded.messages, []);
    if (process.env.SHOW_LOG) console.log(recorded.log.join('\n'));
    assert.ok(!recorded.log.some((l) => / error /.test(l)), recorded.log.join('\n'));
    await deactivate();
    await until('shutdown and exit', () => calls().some((c) => c.lsp === 'exit'));
  });

  test('a kommo-widget without lsp gets one message to update it, and no server', async () => {
    process.env.FAKE_KW_NO_LSP = '1';
    answers.settings.set('kommoWidget.path', fake);
    await activate();
    await until('the message', () => recorded.messages.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(recorded.messages.length, 1);
    assert.match(recorded.messages[0].text, /dotnet tool update --global kommo-widget/);
    assert.ok(!calls().some((c) => c.args?.length === 1 && c.args[0] === 'lsp'));
  });

  test('pack writes NAME.zip beside the widget of the active file', async () => {
    process.env.FAKE_KW_NO_LSP = '1';
    const widget = path.join(dir, 'ws', 'hello');
    fs.mkdirSync(path.join(widget, 'i18n'), { recursive: true });
    fs.writeFileSync(path.join(widget, 'manifest.json'), '{}');
    answers.settings.set('kommoWidget.path', fake);
    answers.workspaceFolders = [path.join(dir, 'ws')];
    answers.activeFile = path.join(widget, 'i18n', 'en.json');
    await activate();
    await until('the update message', () => recorded.messages.length > 0);
    reset();
    answers.settings.set('kommoWidget.path', fake);
    answers.workspaceFolders = [path.join(dir, 'ws')];
    answers.activeFile = path.join(widget, 'i18n', 'en.json');
    await commands.get('kommoWidget.pack')!();
    const pack = calls().find((c) => c.args?.[0] === 'pack');
    assert.deepEqual(pack?.args, ['pack', widget, '--output', path.join(dir, 'ws', 'hello.zip')]);
    assert.ok(fs.existsSync(path.join(dir, 'ws', 'hello.zip')));
    assert.equal(recorded.messages.at(-1)?.kind, 'information');
    assert.match(recorded.messages.at(-1)!.text, /hello\.zip/);
  });

  test('pack without an active widget asks which of the workspace\'s widgets; a refusal is an error', async () => {
    process.env.FAKE_KW_NO_LSP = '1';
    const ws = path.join(dir, 'ws2');
    for (const name of ['a', 'broken']) {
      fs.mkdirSync(path.join(ws, name), { recursive: true });
      fs.writeFileSync(path.join(ws, name, 'manifest.json'), '{}');
    }
    answers.settings.set('kommoWidget.path', fake);
    await activate();
    answers.workspaceFolders = [ws];
    answers.manifests = [path.join(ws, 'broken', 'manifest.json'), path.join(ws, 'a', 'manifest.json'), path.join(ws, 'node_modules', 'x', 'manifest.json')];
    answers.quickPick = (items) => items.find((i) => i.label === 'broken');
    await commands.get('kommoWidget.pack')!();
    assert.deepEqual(recorded.quickPicks.at(-1), ['a', 'broken']);
    assert.equal(recorded.messages.at(-1)?.kind, 'error');
    assert.match(recorded.messages.at(-1)!.text, /Pack refused/);
  });

  test('dev runs kommo-widget dev PATH --port N in a terminal, opens the page from the Listening line, and stops', async () => {
    process.env.FAKE_KW_NO_LSP = '1';
    const widget = path.join(dir, 'ws3', 'w');
    fs.mkdirSync(widget, { recursive: true });
    fs.writeFileSync(path.join(widget, 'manifest.json'), '{}');
    answers.settings.set('kommoWidget.path', fake);
    answers.settings.set('kommoWidget.dev.port', 5199);
    answers.workspaceFolders = [path.join(dir, 'ws3')];
    answers.activeFile = path.join(widget, 'script.js');
    await activate();
    await commands.get('kommoWidget.dev')!();
    await until('the page to open', () => recorded.opened.length > 0);
    assert.deepEqual(recorded.opened, ['http://127.0.0.1:45678/']);
    assert.deepEqual(calls().find((c) => c.args?.[0] === 'dev')?.args, ['dev', widget, '--port', '5199']);
    const [terminal] = recorded.terminals;
    assert.match(terminal.output, /Listening on http:\/\/127\.0\.0\.1:45678\r\n/);
    // Ctrl+C in the terminal stops the host with SIGINT.
    terminal.input('\u0003');
    await until('the host to stop', () => /stopped/.test(terminal.output) && /kommo-widget dev ended: exit code 0/.test(terminal.output));
  });

  test('dev that fails to start shows its error line', async () => {
    process.env.FAKE_KW_NO_LSP = '1';
    process.env.FAKE_KW_PORT_IN_USE = '1';
    const widget = path.join(dir, 'ws4', 'w');
    fs.mkdirSync(widget, { recursive: true });
    fs.writeFileSync(path.join(widget, 'manifest.json'), '{}');
    answers.settings.set('kommoWidget.path', fake);
    answers.activeFile = path.join(widget, 'manifest.json');
    await activate();
    await until('the update message', () => recorded.messages.length > 0);
    await commands.get('kommoWidget.dev')!();
    await until('the error', () => recorded.messages.some((m) => /port 5173 is in use/.test(m.text)));
    assert.deepEqual(recorded.opened, []);
  });

  test('new asks for a name, runs kommo-widget new NAME in the chosen folder and opens its manifest', async () => {
    process.env.FAKE_KW_NO_LSP = '1';
    const ws = path.join(dir, 'ws5');
    fs.mkdirSync(ws, { recursive: true });
    answers.settings.set('kommoWidget.path', fake);
    answers.workspaceFolders = [ws];
    await activate();
    answers.inputBox = 'hello-kommo';
    await commands.get('kommoWidget.new')!();
    const created = calls().find((c) => c.args?.[0] === 'new');
    assert.deepEqual(created?.args, ['new', 'hello-kommo']);
    assert.equal(created?.cwd, ws);
    assert.deepEqual(recorded.shownDocuments, [path.join(ws, 'hello-kommo', 'manifest.json')]);
  });
});

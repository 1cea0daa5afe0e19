// Kommo Widget Kit for VS Code: runs the language server `kommo-widget lsp` and the commands pack, dev and new.
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { LineSplitter, devArgs, devPageUrl, errorLine, normalizePort, parseListeningLine, toTerminal } from './devLine';
import { DEFAULT_COMMAND, findExecutable } from './executable';
import { findWidgetFolder, isInside, newWidgetNameProblem, packOutputPath, widgetFoldersFromManifests } from './widgetFolder';

const INSTALL_DOCS = 'https://github.com/kommo-widget-kit/kommo-widget-kit#install';
const INSTALL_COMMAND = 'dotnet tool install --global kommo-widget';
const FILE_EVENTS = '**/{manifest.json,kommo-widget.json,i18n/*.json,*.js,*.twig,*.css,images/*}';

let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let client: LanguageClient | undefined;
let watcher: vscode.FileSystemWatcher | undefined;
/** The configured path the "not found" message was last shown for, so that it is shown once, not on every start. */
let missingShownFor: string | undefined;
let dev: DevSession | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Kommo Widget Kit', { log: true });
  status = vscode.window.createStatusBarItem('kommoWidget.status', vscode.StatusBarAlignment.Left, 0);
  status.name = 'Kommo Widget Kit';
  status.command = 'kommoWidget.showOutput';
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('kommoWidget.pack', pack),
    vscode.commands.registerCommand('kommoWidget.dev', runDev),
    vscode.commands.registerCommand('kommoWidget.stopDev', stopDev),
    vscode.commands.registerCommand('kommoWidget.new', newWidget),
    vscode.commands.registerCommand('kommoWidget.restartServer', async () => {
      missingShownFor = undefined;
      await restartClient();
    }),
    vscode.commands.registerCommand('kommoWidget.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('kommoWidget.path')) await restartClient();
    }),
    { dispose: () => void dev?.stop() },
  );
  void startClient();
}

export async function deactivate(): Promise<void> {
  await dev?.stop();
  await stopClient();
}

// ---------------------------------------------------------------------------------------------------------------------
// The executable

function configuredCommand(): string {
  const value = vscode.workspace.getConfiguration('kommoWidget').get<string>('path', DEFAULT_COMMAND);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_COMMAND;
}

function workspaceCwd(): string | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
}

/** The full path of kommo-widget, or undefined (then the one error message with its buttons is shown, when `notify`). */
function resolveTool(notify: 'once' | 'always'): string | undefined {
  const configured = configuredCommand();
  const found = findExecutable(configured, process.env, process.platform, undefined, workspaceCwd() ?? process.cwd());
  if (found) return found;
  output.warn(`kommo-widget was not found: kommoWidget.path is '${configured}' (PATH: ${process.env.PATH ?? ''})`);
  if (notify === 'always' || missingShownFor !== configured) {
    missingShownFor = configured;
    void showNotFound(configured);
  }
  return undefined;
}

async function showNotFound(configured: string): Promise<void> {
  const openSetting = 'Open Setting';
  const install = 'How to Install';
  const where = configured === DEFAULT_COMMAND ? `'${DEFAULT_COMMAND}' is not on PATH` : `'${configured}' was not found`;
  const choice = await vscode.window.showErrorMessage(
    `Kommo Widget Kit: the kommo-widget executable is missing (${where}). Install it with '${INSTALL_COMMAND}', ` +
      `or set kommoWidget.path to its full path.`,
    openSetting,
    install,
  );
  if (choice === openSetting) await vscode.commands.executeCommand('workbench.action.openSettings', 'kommoWidget.path');
  else if (choice === install) await vscode.env.openExternal(vscode.Uri.parse(INSTALL_DOCS));
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException;
}

/** Runs kommo-widget with `args` in `cwd`, echoing the command and its output to the output channel. */
function run(exe: string, args: string[], cwd: string, token?: vscode.CancellationToken): Promise<RunResult> {
  output.info(`$ ${[path.basename(exe), ...args].map(quote).join(' ')}    (in ${cwd})`);
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const outLines = new LineSplitter();
    const errLines = new LineSplitter();
    const child = cp.spawn(exe, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const cancel = token?.onCancellationRequested(() => child.kill());
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      for (const line of outLines.push(d)) output.info(line);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      for (const line of errLines.push(d)) output.info(line);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      cancel?.dispose();
      output.error(`cannot run ${exe}: ${error.message}`);
      resolve({ code: null, stdout, stderr, error });
    });
    child.on('close', (code) => {
      cancel?.dispose();
      for (const line of [...outLines.flush(), ...errLines.flush()]) output.info(line);
      output.info(`(exit code ${code ?? 'none'})`);
      resolve({ code, stdout, stderr });
    });
  });
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The message for a run that failed to start or exited with an unexpected code. */
function failed(what: string, result: RunResult): string {
  if (result.error) return `${what}: cannot run kommo-widget (${result.error.code ?? result.error.message})`;
  const reason = errorLine(result.stderr);
  return `${what} (exit code ${result.code ?? 'none'})${reason ? `: ${reason}` : ''}`;
}

async function showFailure(message: string): Promise<void> {
  const show = 'Show Output';
  if ((await vscode.window.showErrorMessage(message, show)) === show) output.show(true);
}

// ---------------------------------------------------------------------------------------------------------------------
// The language server

/** Restarts the server up to 4 times in 3 minutes, then says once that it stopped. */
class ServerErrorHandler implements ErrorHandler {
  private readonly closes: number[] = [];

  constructor(private readonly exe: string) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.closes.push(now);
    while (this.closes.length > 0 && now - this.closes[0] > 3 * 60_000) this.closes.shift();
    if (this.closes.length <= 4) return { action: CloseAction.Restart };
    setStatus('error', 'the language server stopped');
    return {
      action: CloseAction.DoNotRestart,
      message:
        `Kommo Widget Kit: the language server '${this.exe} lsp' stopped 5 times in 3 minutes and is not restarted. ` +
        `See the output 'Kommo Widget Kit', then run 'Kommo: Restart language server'.`,
    };
  }
}

/**
 * Whether `kommo-widget lsp` exists: a kommo-widget from before the language server answers `lsp --help` with a usage
 * error (exit 2). Checked first so that an old install gets one message to update, not the client's stack of errors.
 */
async function hasLspCommand(exe: string): Promise<boolean> {
  const result = await new Promise<RunResult>((resolve) => {
    cp.execFile(exe, ['lsp', '--help'], { timeout: 15_000, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr, error: e && typeof e.code !== 'number' ? e : undefined });
    });
  });
  if (result.code === 0) return true;
  output.warn(`'${exe} lsp --help' did not succeed: ${failed('lsp', result)}`);
  if (result.code === 2) {
    const update = 'How to Update';
    void vscode.window
      .showErrorMessage(
        `Kommo Widget Kit: ${exe} has no language server (kommo-widget lsp); update it with 'dotnet tool update --global kommo-widget'. ` +
          `The commands Pack, Run in dev host and New widget work without it.`,
        update,
      )
      .then((choice) => (choice === update ? vscode.env.openExternal(vscode.Uri.parse(INSTALL_DOCS)) : undefined));
    return false;
  }
  // Anything else (a timeout, a crash): try the server all the same; its errors go to the output channel.
  return true;
}

async function startClient(): Promise<void> {
  const exe = resolveTool('once');
  if (!exe) {
    setStatus('error', 'kommo-widget not found');
    return;
  }
  if (!(await hasLspCommand(exe))) {
    setStatus('error', 'kommo-widget has no lsp command');
    return;
  }
  // Plain stdio. TransportKind.stdio would append --stdio to the arguments; the server speaks stdio by default.
  const serverOptions: ServerOptions = { command: exe, args: ['lsp'], options: { cwd: workspaceCwd() } };
  watcher = vscode.workspace.createFileSystemWatcher(FILE_EVENTS);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'css' },
      { scheme: 'file', pattern: '**/*.twig' },
    ],
    synchronize: { fileEvents: watcher },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new ServerErrorHandler(exe),
  };
  const created = new LanguageClient('kommoWidget', 'Kommo Widget Kit', serverOptions, clientOptions);
  client = created;
  created.onDidChangeState((e) => {
    if (e.newState === State.Running) setStatus('running', `${exe} lsp`);
    else if (e.newState === State.Starting) setStatus('starting', `${exe} lsp`);
  });
  setStatus('starting', `${exe} lsp`);
  try {
    await created.start();
  } catch (error) {
    // The client has shown its own message; keep the details in the output channel.
    output.warn(`The language server did not start: ${String(error)}`);
    setStatus('error', 'the language server did not start');
  }
}

async function stopClient(): Promise<void> {
  const stopping = client;
  client = undefined;
  watcher?.dispose();
  watcher = undefined;
  if (stopping) {
    try {
      await stopping.dispose(5_000);
    } catch (error) {
      output.warn(`Stopping the language server: ${String(error)}`);
    }
  }
}

async function restartClient(): Promise<void> {
  await stopClient();
  await startClient();
}

function setStatus(state: 'starting' | 'running' | 'error', detail: string): void {
  const icon = state === 'running' ? '$(check)' : state === 'starting' ? '$(sync~spin)' : '$(warning)';
  status.text = `${icon} Kommo`;
  status.tooltip = `Kommo Widget Kit: ${detail}`;
  status.backgroundColor = state === 'error' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  status.show();
}

// ---------------------------------------------------------------------------------------------------------------------
// Which widget

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** The widget a command works on: the one of the active editor's file, else the one picked among the workspace's. */
async function pickWidgetFolder(purpose: string): Promise<string | undefined> {
  const roots = workspaceRoots();
  const document = vscode.window.activeTextEditor?.document;
  if (document?.uri.scheme === 'file') {
    const found = findWidgetFolder(document.uri.fsPath, roots);
    if (found) return found;
  }
  const manifests = await vscode.workspace.findFiles('**/manifest.json', '**/{node_modules,.git,.kommo}/**', 500);
  const folders = widgetFoldersFromManifests(
    manifests.filter((u) => u.scheme === 'file').map((u) => u.fsPath),
    roots,
  );
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(
      'Kommo Widget Kit: no widget here. Open a file of a widget (a folder with manifest.json), or open its folder.',
    );
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const picked = await vscode.window.showQuickPick(
    folders.map((folder) => ({ label: path.basename(folder), description: vscode.workspace.asRelativePath(folder), folder })),
    { placeHolder: `Which widget to ${purpose}?` },
  );
  return picked?.folder;
}

// ---------------------------------------------------------------------------------------------------------------------
// Kommo: Pack widget

async function pack(): Promise<void> {
  const exe = resolveTool('always');
  if (!exe) return;
  const folder = await pickWidgetFolder('pack');
  if (!folder) return;
  const zip = packOutputPath(folder);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Packing ${path.basename(folder)}…`, cancellable: true },
    (_progress, token) => run(exe, ['pack', folder, '--output', zip], path.dirname(folder), token),
  );
  if (result.code === 0) {
    const reveal = 'Reveal';
    const choice = await vscode.window.showInformationMessage(`Packed ${path.basename(folder)} into ${zip}`, reveal);
    if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(zip));
  } else if (result.code === 1) {
    await showFailure(`Pack refused: ${path.basename(folder)} has findings at or above --fail-on (see Problems and the output)`);
  } else {
    await showFailure(failed('kommo-widget pack failed', result));
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Kommo: Run in dev host

/** A running `kommo-widget dev`, shown in a terminal of its own; closing the terminal stops it. */
class DevSession {
  readonly terminal: vscode.Terminal;
  address: string | undefined;
  private child: cp.ChildProcess | undefined;
  private exited = false;
  private stopping: Promise<void> | undefined;
  private readonly write = new vscode.EventEmitter<string>();
  private readonly close = new vscode.EventEmitter<number | void>();

  constructor(
    readonly folder: string,
    private readonly exe: string,
    private readonly port: number,
  ) {
    const pty: vscode.Pseudoterminal = {
      onDidWrite: this.write.event,
      onDidClose: this.close.event,
      open: () => this.start(),
      close: () => {
        void this.stop();
        if (dev === this) dev = undefined;
      },
      handleInput: (data) => {
        if (data === '\u0003') void this.stop();
      },
    };
    this.terminal = vscode.window.createTerminal({ name: `Kommo dev: ${path.basename(folder)}`, pty });
  }

  private start(): void {
    const args = devArgs(this.folder, this.port);
    this.write.fire(toTerminal(`$ ${[path.basename(this.exe), ...args].map(quote).join(' ')}\n`));
    const child = cp.spawn(this.exe, args, { cwd: path.dirname(this.folder), stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const lines = new LineSplitter();
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.write.fire(toTerminal(chunk));
      for (const line of lines.push(chunk)) this.onLine(line);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      this.write.fire(toTerminal(chunk));
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.exited = true;
      this.write.fire(toTerminal(`cannot run ${this.exe}: ${error.message}\n`));
      if (dev === this) dev = undefined;
      if (error.code === 'ENOENT') void showNotFound(configuredCommand());
    });
    child.on('close', (code, signal) => {
      this.exited = true;
      for (const line of lines.flush()) this.onLine(line);
      this.write.fire(toTerminal(`\n[kommo-widget dev ended: ${signal ?? `exit code ${code}`}; close this terminal]\n`));
      if (dev === this) dev = undefined;
      if (code !== 0 && code !== null && this.address === undefined) {
        void showFailure(failed('kommo-widget dev did not start', { code, stdout: '', stderr }));
      }
    });
  }

  private onLine(line: string): void {
    if (this.address !== undefined) return;
    const address = parseListeningLine(line);
    if (address === undefined) return;
    this.address = address;
    void vscode.env.openExternal(vscode.Uri.parse(devPageUrl(address)));
  }

  /** Stops the host: SIGINT (its Ctrl+C, exit 0), then SIGKILL if it is still running after 5 seconds. Resolves when it
   * has exited, so that a new host can take the same port. */
  stop(): Promise<void> {
    const child = this.child;
    if (!child || this.exited) return Promise.resolve();
    this.stopping ??= new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!this.exited) child.kill('SIGKILL');
      }, 5_000);
      child.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGINT');
    });
    return this.stopping;
  }

  /** Stops the host and closes its terminal. */
  async dispose(): Promise<void> {
    const stopped = this.stop();
    this.terminal.dispose();
    await stopped;
  }

  get running(): boolean {
    return this.child !== undefined && !this.exited;
  }
}

async function runDev(): Promise<void> {
  const exe = resolveTool('always');
  if (!exe) return;
  const folder = await pickWidgetFolder('run');
  if (!folder) return;
  if (dev?.running) {
    const current = dev;
    const same = current.folder === folder;
    const openPage = 'Open Page';
    const restart = same ? 'Restart' : `Stop it and run ${path.basename(folder)}`;
    const choice = await vscode.window.showInformationMessage(
      `The dev host runs ${path.basename(current.folder)}${current.address ? ` on ${current.address}` : ''}.`,
      ...(same && current.address ? [openPage] : []),
      restart,
    );
    if (choice === openPage && current.address) {
      await vscode.env.openExternal(vscode.Uri.parse(devPageUrl(current.address)));
      return;
    }
    if (choice !== restart) {
      current.terminal.show(true);
      return;
    }
    dev = undefined;
    await current.dispose();
  }
  const port = normalizePort(vscode.workspace.getConfiguration('kommoWidget', vscode.Uri.file(folder)).get('dev.port'));
  dev = new DevSession(folder, exe, port);
  dev.terminal.show(true);
}

function stopDev(): void {
  if (!dev) {
    void vscode.window.showInformationMessage('The dev host is not running.');
    return;
  }
  const current = dev;
  dev = undefined;
  void current.dispose();
}

// ---------------------------------------------------------------------------------------------------------------------
// Kommo: New widget

async function chooseParentFolder(): Promise<string | undefined> {
  const browse = '$(folder-opened) Choose a folder…';
  const roots = workspaceRoots();
  let picked: string | undefined;
  if (roots.length > 0) {
    const item = await vscode.window.showQuickPick(
      [...roots.map((r) => ({ label: path.basename(r), description: r, folder: r as string | undefined })), { label: browse, description: '', folder: undefined }],
      { placeHolder: 'Where to create the widget folder?' },
    );
    if (!item) return undefined;
    picked = item.folder;
  }
  if (picked) return picked;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Create the widget here',
    defaultUri: roots[0] ? vscode.Uri.file(roots[0]) : undefined,
  });
  return chosen?.[0]?.fsPath;
}

async function newWidget(): Promise<void> {
  const exe = resolveTool('always');
  if (!exe) return;
  const name = await vscode.window.showInputBox({
    title: 'Kommo: New widget',
    prompt: 'Name of the widget, also its folder (hello-kommo gives "Hello Kommo" and the code hello_kommo)',
    placeHolder: 'hello-kommo',
    validateInput: (value) => newWidgetNameProblem(value),
  });
  if (name === undefined) return;
  const parent = await chooseParentFolder();
  if (!parent) return;
  const result = await run(exe, ['new', name], parent);
  if (result.code !== 0) {
    await showFailure(failed('kommo-widget new failed', result));
    return;
  }
  const folder = path.join(parent, name);
  const manifest = vscode.Uri.file(path.join(folder, 'manifest.json'));
  if (workspaceRoots().some((root) => isInside(folder, root))) {
    await vscode.window.showTextDocument(manifest);
    void vscode.window.showInformationMessage(`Created the widget ${name} in ${folder}`);
    return;
  }
  const openFolder = 'Open Folder';
  const addToWorkspace = 'Add to Workspace';
  const choice = await vscode.window.showInformationMessage(`Created the widget ${name} in ${folder}`, openFolder, addToWorkspace);
  if (choice === openFolder) {
    await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(folder));
  } else if (choice === addToWorkspace) {
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(folder) });
    if (fs.existsSync(manifest.fsPath)) await vscode.window.showTextDocument(manifest);
  }
}

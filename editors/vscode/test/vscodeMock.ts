// A stand-in for the `vscode` module, so that the extension's activate() and commands run under node --test: what the
// extension itself calls is recorded (messages, commands, terminals, opened pages); anything else the language client
// touches is a do-nothing proxy. Import it before the extension: it installs itself as the module `vscode`.
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return new Disposable(() => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    });
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Disposable {
  constructor(private readonly callOnDispose: () => unknown = () => undefined) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i?.dispose?.()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
    private readonly text: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', path.resolve(p), 'file://' + path.resolve(p));
  }
  static parse(text: string): Uri {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1] ?? 'file';
    return new Uri(scheme, scheme === 'file' ? decodeURIComponent(text.replace(/^file:\/\//, '')) : '', text);
  }
  toString(): string {
    return this.text;
  }
  with(): Uri {
    return this;
  }
  get path(): string {
    return this.scheme === 'file' ? this.fsPath : this.text;
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

/** A function proxy that accepts any call, construction or property and returns another; never a thenable. */
function anything(name: string): unknown {
  const target = function () {};
  return new Proxy(target, {
    get: (_t, key) => {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => `[vscode mock ${name}]`;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'length') return 0;
      if (key === 'prototype') return {};
      if (key === 'dispose') return () => undefined;
      return anything(`${name}.${String(key)}`);
    },
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`) as object,
  });
}

/** Falls back to `anything` for properties the mock does not define. */
function lenient<T extends object>(name: string, value: T): T {
  return new Proxy(value, {
    get: (t, key, receiver) => (key in t ? Reflect.get(t, key, receiver) : key === 'then' ? undefined : anything(`${name}.${String(key)}`)),
  });
}

export interface Message {
  kind: 'error' | 'warning' | 'information';
  text: string;
  items: string[];
}

/** What the extension did, and the answers the mock gives. Reset with `reset()`. */
export const recorded = {
  messages: [] as Message[],
  log: [] as string[],
  executed: [] as { command: string; args: unknown[] }[],
  opened: [] as string[],
  shownDocuments: [] as string[],
  terminals: [] as { name: string; output: string; closed: boolean; dispose(): void; input(data: string): void }[],
  quickPicks: [] as string[][],
};

export const answers = {
  settings: new Map<string, unknown>(),
  /** Chooses a button of a message (by its text), or none. */
  message: (_m: Message): string | undefined => undefined,
  inputBox: undefined as string | undefined,
  quickPick: (items: { label: string }[]): { label: string } | undefined => items[0],
  workspaceFolders: [] as string[],
  manifests: [] as string[],
  activeFile: undefined as string | undefined,
};

export function reset(): void {
  recorded.messages = [];
  recorded.log = [];
  recorded.executed = [];
  recorded.opened = [];
  recorded.shownDocuments = [];
  recorded.terminals = [];
  recorded.quickPicks = [];
  answers.settings = new Map();
  answers.message = () => undefined;
  answers.inputBox = undefined;
  answers.quickPick = (items) => items[0];
  answers.workspaceFolders = [];
  answers.manifests = [];
  answers.activeFile = undefined;
}

export const commands = new Map<string, (...args: unknown[]) => unknown>();
const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();

/** Changes a setting as the user would, firing onDidChangeConfiguration. */
export function changeSetting(key: string, value: unknown): void {
  answers.settings.set(key, value);
  configurationChanged.fire({ affectsConfiguration: (section) => key === section || key.startsWith(section + '.') });
}

function message(kind: Message['kind']) {
  return (text: string, ...rest: unknown[]) => {
    const items = rest.filter((r): r is string => typeof r === 'string');
    const m = { kind, text, items };
    recorded.messages.push(m);
    return Promise.resolve(answers.message(m));
  };
}

function logChannel(name: string) {
  const line = (level: string) => (text: string) => recorded.log.push(`[${name}] ${level} ${text}`);
  return lenient('OutputChannel', {
    name,
    logLevel: 2,
    onDidChangeLogLevel: new EventEmitter<number>().event,
    append: line(''),
    appendLine: line(''),
    replace: line(''),
    trace: line('trace'),
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: (e: unknown) => recorded.log.push(`[${name}] error ${String(e)}`),
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  });
}

interface Pty {
  onDidWrite: (l: Listener<string>) => Disposable;
  onDidClose?: (l: Listener<number | void>) => Disposable;
  open(): void;
  close(): void;
  handleInput?(data: string): void;
}

const window = lenient('window', {
  get activeTextEditor() {
    return answers.activeFile ? { document: { uri: Uri.file(answers.activeFile) } } : undefined;
  },
  visibleTextEditors: [],
  onDidChangeActiveTextEditor: new EventEmitter<unknown>().event,
  onDidChangeVisibleTextEditors: new EventEmitter<unknown>().event,
  createOutputChannel: (name: string) => logChannel(name),
  createStatusBarItem: () => lenient('StatusBarItem', { text: '', tooltip: '', show: () => undefined, hide: () => undefined, dispose: () => undefined }),
  showErrorMessage: message('error'),
  showWarningMessage: message('warning'),
  showInformationMessage: message('information'),
  showInputBox: () => Promise.resolve(answers.inputBox),
  showQuickPick: (items: { label: string }[]) => {
    recorded.quickPicks.push(items.map((i) => i.label));
    return Promise.resolve(answers.quickPick(items));
  },
  showOpenDialog: () => Promise.resolve(undefined),
  showTextDocument: (uri: Uri) => {
    recorded.shownDocuments.push(uri.fsPath);
    return Promise.resolve(undefined);
  },
  withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => unknown) =>
    Promise.resolve(task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => new Disposable() })),
  createTerminal: (options: { name: string; pty: Pty }) => {
    const terminal = {
      name: options.name,
      output: '',
      closed: false,
      show: () => undefined,
      dispose: () => {
        if (terminal.closed) return;
        terminal.closed = true;
        options.pty.close();
      },
      input: (data: string) => options.pty.handleInput?.(data),
    };
    options.pty.onDidWrite((text) => {
      terminal.output += text;
    });
    recorded.terminals.push(terminal);
    setImmediate(() => options.pty.open());
    return terminal;
  },
});

const workspace = lenient('workspace', {
  get workspaceFolders() {
    return answers.workspaceFolders.length === 0
      ? undefined
      : answers.workspaceFolders.map((f, index) => ({ uri: Uri.file(f), name: path.basename(f), index }));
  },
  textDocuments: [],
  notebookDocuments: [],
  getConfiguration: (section?: string) =>
    lenient('WorkspaceConfiguration', {
      get: (key: string, fallback?: unknown) => {
        const full = section ? `${section}.${key}` : key;
        return answers.settings.has(full) ? answers.settings.get(full) : fallback;
      },
      has: (key: string) => answers.settings.has(section ? `${section}.${key}` : key),
      update: () => Promise.resolve(),
    }),
  onDidChangeConfiguration: configurationChanged.event,
  createFileSystemWatcher: () =>
    lenient('FileSystemWatcher', {
      onDidCreate: new EventEmitter<unknown>().event,
      onDidChange: new EventEmitter<unknown>().event,
      onDidDelete: new EventEmitter<unknown>().event,
      dispose: () => undefined,
    }),
  findFiles: () => Promise.resolve(answers.manifests.map((m) => Uri.file(m))),
  asRelativePath: (p: string) => p,
  updateWorkspaceFolders: () => true,
});

const vscode = lenient('vscode', {
  version: '1.140.0',
  EventEmitter,
  Disposable,
  Uri,
  ThemeColor,
  StatusBarAlignment: { Left: 1, Right: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  window,
  workspace,
  commands: lenient('commands', {
    registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
      commands.set(id, handler);
      return new Disposable(() => commands.delete(id));
    },
    executeCommand: (command: string, ...args: unknown[]) => {
      recorded.executed.push({ command, args });
      return Promise.resolve(undefined);
    },
  }),
  env: lenient('env', {
    openExternal: (uri: Uri) => {
      recorded.opened.push(uri.toString());
      return Promise.resolve(true);
    },
    language: 'en',
  }),
});

const load = Module._load;
Module._load = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return vscode;
  return load.call(this, request, ...rest);
};

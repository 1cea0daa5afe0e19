// Finding the kommo-widget executable the setting kommoWidget.path names. Pure logic (node:fs, node:path), tested under node.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether a path is a file this process may run. Tests pass their own. */
export type IsExecutable = (file: string) => boolean;

export const isExecutableFile: IsExecutable = (file) => {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The environment variables the lookup reads. */
export interface LookupEnvironment {
  PATH?: string;
  Path?: string;
  PATHEXT?: string;
  HOME?: string;
  USERPROFILE?: string;
}

/** The name the setting has by default: found on PATH, else in the folder `dotnet tool install --global` uses. */
export const DEFAULT_COMMAND = 'kommo-widget';

/**
 * The full path of the executable `command` names (the setting kommoWidget.path), or undefined when there is none; then
 * starting it would fail with ENOENT. A name without a folder is looked up on PATH (with PATHEXT on Windows), then in
 * ~/.dotnet/tools, where `dotnet tool install --global` puts it and which a VS Code started from a desktop launcher may
 * not have on PATH. A path (absolute, relative to `cwd`, or starting with ~) is taken as it is.
 */
export function findExecutable(
  command: string,
  env: LookupEnvironment,
  platform: NodeJS.Platform = process.platform,
  isExecutable: IsExecutable = isExecutableFile,
  cwd: string = process.cwd(),
): string | undefined {
  const windows = platform === 'win32';
  const p = windows ? path.win32 : path.posix;
  const name = command.trim() === '' ? DEFAULT_COMMAND : command.trim();
  const home = windows ? (env.USERPROFILE ?? env.HOME) : env.HOME;
  const extensions = windows
    ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '').map((e) => e.toLowerCase())]
    : [''];
  const candidates = (file: string): string[] =>
    windows && p.extname(file) === '' ? extensions.map((e) => file + e) : [file];
  const first = (files: string[]): string | undefined => files.find((f) => isExecutable(f));

  const hasFolder = name.includes('/') || (windows && name.includes('\\'));
  if (hasFolder || name === '~') {
    const expanded = home && (name === '~' || name.startsWith('~/') || (windows && name.startsWith('~\\')))
      ? p.join(home, name.slice(1))
      : name;
    return first(candidates(p.resolve(cwd, expanded)));
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(windows ? ';' : ':').filter((d) => d !== '');
  for (const dir of dirs) {
    const found = first(candidates(p.join(dir.replace(/^"(.*)"$/, '$1'), name)));
    if (found) return found;
  }
  if (home) return first(candidates(p.join(home, '.dotnet', 'tools', name)));
  return undefined;
}

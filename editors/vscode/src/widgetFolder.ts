// Which widget a command works on. Pure logic (node:path and node:fs only, no vscode), tested under node.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether a file exists (not a folder). Tests pass their own. */
export type FileExists = (file: string) => boolean;

export const fileExists: FileExists = (file) => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Folders never searched for a widget: a manifest.json there belongs to a package or a tool, not to a widget. */
const IGNORED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.kommo', '.vscode', '.idea', '.vs']);

/** Whether `child` is `parent` or inside it (both absolute, compared as the platform compares paths). */
export function isInside(child: string, parent: string, p: path.PlatformPath = path): boolean {
  const relative = p.relative(p.resolve(parent), p.resolve(child));
  return relative === '' || (relative !== '..' && !relative.startsWith('..' + p.sep) && !p.isAbsolute(relative));
}

/**
 * The widget a file belongs to: the folder of the nearest manifest.json at or above the file's folder. The search stops at
 * the workspace folder that holds the file (when `roots` has one that does), else at the file system's root, and skips
 * manifests inside node_modules and the like. Undefined when there is none.
 */
export function findWidgetFolder(
  filePath: string,
  roots: readonly string[] = [],
  exists: FileExists = fileExists,
  p: path.PlatformPath = path,
): string | undefined {
  const file = p.resolve(filePath);
  // The innermost workspace folder holding the file bounds the search.
  const root = innermostRoot(file, roots, p);
  let dir = p.dirname(file);
  for (;;) {
    if (!inIgnoredFolder(dir, root, p) && exists(p.join(dir, 'manifest.json'))) return dir;
    if (root !== undefined && p.relative(root, dir) === '') return undefined;
    const parent = p.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The innermost of `roots` that holds `file`, resolved; undefined when none does. */
function innermostRoot(file: string, roots: readonly string[], p: path.PlatformPath): string | undefined {
  return roots
    .filter((r) => isInside(file, r, p))
    .map((r) => p.resolve(r))
    .sort((a, b) => b.length - a.length)[0];
}

/** Whether a folder below `root` (or below the file system's root) passes through node_modules, .git and the like. */
function inIgnoredFolder(dir: string, root: string | undefined, p: path.PlatformPath): boolean {
  return p.relative(root ?? p.parse(dir).root, dir).split(p.sep).some((part) => IGNORED_FOLDERS.has(part));
}

/**
 * The widget folders of the manifest.json files a workspace search found: their folders, without those inside
 * node_modules and the like (below the workspace folder in `roots` that holds them), each once, sorted.
 */
export function widgetFoldersFromManifests(
  manifests: readonly string[],
  roots: readonly string[] = [],
  p: path.PlatformPath = path,
): string[] {
  const folders = new Set<string>();
  for (const manifest of manifests) {
    if (p.basename(manifest) !== 'manifest.json') continue;
    const dir = p.dirname(p.resolve(manifest));
    if (inIgnoredFolder(dir, innermostRoot(dir, roots, p), p)) continue;
    folders.add(dir);
  }
  return [...folders].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Where "Kommo: Pack widget" writes the archive: NAME.zip beside the widget folder NAME (a .zip inside the widget would be
 * a junk-file finding, KW6004). */
export function packOutputPath(widgetFolder: string, p: path.PlatformPath = path): string {
  const folder = p.resolve(widgetFolder);
  const name = p.basename(folder) || 'widget';
  return p.join(p.dirname(folder), `${name}.zip`);
}

/** Why a name cannot be given to `kommo-widget new NAME` (it is also the folder written), or undefined when it can. */
export function newWidgetNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name, e.g. hello-kommo';
  if (trimmed !== name) return 'The name cannot start or end with a space';
  if (name === '.' || name === '..') return 'The name must be a folder name, not . or ..';
  if (/[\\/:*?"<>|]/.test(name)) return 'The name is also the folder name: no / \\ : * ? " < > |';
  if (name.startsWith('-')) return 'The name cannot start with -';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'The name cannot hold control characters';
  return undefined;
}

// Reading what `kommo-widget dev` and the other commands print. Pure logic (no vscode), tested under node.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * The address in the dev host's banner line `Listening on http://127.0.0.1:PORT` (src/KommoWidgetKit.DevHost,
 * DevHostServer.PrintBanner), without a trailing slash; undefined for any other line. Colour codes and a CR are ignored.
 */
export function parseListeningLine(line: string): string | undefined {
  const match = /^\s*Listening on (https?:\/\/[^\s/]+(?:\/[^\s]*)?)\s*$/.exec(line.replace(ANSI, ''));
  return match ? match[1].replace(/\/+$/, '') : undefined;
}

/** The page "Kommo: Run in dev host" opens: the host's index page, which lists every emulated page. */
export function devPageUrl(address: string): string {
  return address.replace(/\/+$/, '') + '/';
}

/** Splits a stream's chunks into lines (LF or CRLF), keeping an unfinished line for the next chunk. */
export class LineSplitter {
  private pending = '';

  /** The lines completed by this chunk. */
  push(chunk: string): string[] {
    const text = this.pending + chunk;
    const lines = text.split(/\r?\n/);
    this.pending = lines.pop() ?? '';
    return lines;
  }

  /** The last line when the stream ended without a newline. */
  flush(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}

/** The port setting as `--port` takes it: an integer 0 to 65535, else 0 (any free port). */
export function normalizePort(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535 ? value : 0;
}

/** The arguments of `kommo-widget dev PATH --port N`. */
export function devArgs(widgetFolder: string, port: number): string[] {
  return ['dev', widgetFolder, '--port', String(normalizePort(port))];
}

/** The `error: …` line a command printed on stderr (usage errors and refusals), without the prefix; else the last
 * non-empty line; undefined when stderr was empty. */
export function errorLine(stderr: string): string | undefined {
  const lines = stderr.replace(ANSI, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const error = lines.find((l) => l.startsWith('error: '));
  if (error) return error.slice('error: '.length);
  return lines.at(-1);
}

/** Text for a terminal: every line ending as CRLF, as a VS Code pseudoterminal needs. */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineSplitter, devArgs, devPageUrl, errorLine, normalizePort, parseListeningLine, toTerminal } from '../src/devLine';

describe('parseListeningLine', () => {
  test('the banner line of kommo-widget dev', () => {
    assert.equal(parseListeningLine('Listening on http://127.0.0.1:5173'), 'http://127.0.0.1:5173');
    assert.equal(parseListeningLine('Listening on http://127.0.0.1:40123\r'), 'http://127.0.0.1:40123');
    assert.equal(parseListeningLine('Listening on http://127.0.0.1:40123/'), 'http://127.0.0.1:40123');
    assert.equal(parseListeningLine('\u001b[32mListening on http://127.0.0.1:1\u001b[0m'), 'http://127.0.0.1:1');
    assert.equal(parseListeningLine('Listening on http://[::1]:5173'), 'http://[::1]:5173');
  });

  test('other lines of the banner are not it', () => {
    for (const line of [
      '',
      'Widget "hello_kommo" 1.0.0 from /ws/hello-kommo',
      '  files under http://127.0.0.1:5173/widgets/hello_kommo/ (self.params.path)',
      'Sandbox Kommo API: http://127.0.0.1:5173/api/v4/ (same database; seed 1 on first run or --reset)',
      '  curl -H \'Authorization: Bearer x\' http://127.0.0.1:5173/api/v4/leads',
      'Listening on',
      'Listening on ftp://127.0.0.1:21',
      'Not Listening on http://127.0.0.1:5173',
    ]) {
      assert.equal(parseListeningLine(line), undefined, line);
    }
  });

  test('the page opened is the index', () => {
    assert.equal(devPageUrl('http://127.0.0.1:5173'), 'http://127.0.0.1:5173/');
    assert.equal(devPageUrl('http://127.0.0.1:5173/'), 'http://127.0.0.1:5173/');
  });
});

describe('LineSplitter', () => {
  test('lines across chunks, LF and CRLF', () => {
    const s = new LineSplitter();
    assert.deepEqual(s.push('Listen'), []);
    assert.deepEqual(s.push('ing on http://127.0.0.1:1\r\nWid'), ['Listening on http://127.0.0.1:1']);
    assert.deepEqual(s.push('get\n\nx'), ['Widget', '']);
    assert.deepEqual(s.flush(), ['x']);
    assert.deepEqual(s.flush(), []);
  });

  test('the banner, chunk by chunk, gives the address once', () => {
    const banner = 'Listening on http://127.0.0.1:41234\nWidget "w" 1.0.0 from /ws/w\nPages:\n  http://127.0.0.1:41234/leads/detail/30000001  Lead card\n';
    for (const size of [1, 3, 7, 1000]) {
      const s = new LineSplitter();
      const found: string[] = [];
      for (let i = 0; i < banner.length; i += size) {
        for (const line of s.push(banner.slice(i, i + size))) {
          const address = parseListeningLine(line);
          if (address) found.push(address);
        }
      }
      assert.deepEqual(found, ['http://127.0.0.1:41234'], `chunks of ${size}`);
    }
  });
});

describe('ports and arguments', () => {
  test('normalizePort keeps 0..65535 integers', () => {
    assert.equal(normalizePort(0), 0);
    assert.equal(normalizePort(5173), 5173);
    assert.equal(normalizePort(65535), 65535);
    for (const bad of [-1, 65536, 1.5, Number.NaN, '5173', undefined, null]) assert.equal(normalizePort(bad), 0, String(bad));
  });

  test('devArgs', () => {
    assert.deepEqual(devArgs('/ws/w', 0), ['dev', '/ws/w', '--port', '0']);
    assert.deepEqual(devArgs('/ws/my widget', 5173), ['dev', '/ws/my widget', '--port', '5173']);
  });
});

describe('errorLine', () => {
  test('the error: line of a usage error', () => {
    assert.equal(
      errorLine("error: port 5173 is in use\nRun 'kommo-widget dev --help' for usage.\n"),
      'port 5173 is in use',
    );
    assert.equal(errorLine('w/manifest.json:1:1: error KW1001: x\npack refused: findings at or above --fail-on error\n'), 'pack refused: findings at or above --fail-on error');
    assert.equal(errorLine(''), undefined);
    assert.equal(errorLine('\n  \n'), undefined);
  });
});

describe('toTerminal', () => {
  test('LF and CRLF become CRLF', () => {
    assert.equal(toTerminal('a\nb\r\nc'), 'a\r\nb\r\nc');
  });
});

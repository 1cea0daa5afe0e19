import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { findExecutable } from '../src/executable';

const only = (...files: string[]) => (file: string) => files.includes(file);

describe('findExecutable', () => {
  test('a name is looked up on PATH, first match wins', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin', HOME: '/home/me' };
    assert.equal(findExecutable('kommo-widget', env, 'linux', only('/usr/bin/kommo-widget', '/usr/local/bin/kommo-widget')), '/usr/local/bin/kommo-widget');
    assert.equal(findExecutable('kommo-widget', env, 'linux', only('/usr/bin/kommo-widget')), '/usr/bin/kommo-widget');
  });

  test('then in ~/.dotnet/tools, where dotnet tool install --global puts it', () => {
    const env = { PATH: '/usr/bin', HOME: '/home/me' };
    assert.equal(findExecutable('kommo-widget', env, 'linux', only('/home/me/.dotnet/tools/kommo-widget')), '/home/me/.dotnet/tools/kommo-widget');
    assert.equal(findExecutable('', env, 'darwin', only('/home/me/.dotnet/tools/kommo-widget')), '/home/me/.dotnet/tools/kommo-widget');
  });

  test('missing everywhere is undefined (spawn would fail with ENOENT)', () => {
    assert.equal(findExecutable('kommo-widget', { PATH: '/usr/bin', HOME: '/home/me' }, 'linux', only()), undefined);
    assert.equal(findExecutable('kommo-widget', {}, 'linux', only('/kommo-widget')), undefined);
  });

  test('a path is taken as it is, ~ and relative ones too', () => {
    const env = { PATH: '/usr/bin', HOME: '/home/me' };
    assert.equal(findExecutable('/opt/kw/kommo-widget', env, 'linux', only('/opt/kw/kommo-widget')), '/opt/kw/kommo-widget');
    assert.equal(findExecutable('/opt/kw/kommo-widget', env, 'linux', only('/usr/bin/kommo-widget')), undefined);
    assert.equal(findExecutable('~/bin/kommo-widget', env, 'linux', only('/home/me/bin/kommo-widget')), '/home/me/bin/kommo-widget');
    assert.equal(findExecutable('./bin/kommo-widget', env, 'linux', only('/ws/bin/kommo-widget'), '/ws'), '/ws/bin/kommo-widget');
  });

  test('Windows: PATHEXT, ; separators, quoted folders, USERPROFILE', () => {
    const env = { Path: 'C:\\Windows;"C:\\Program Files\\kw"', PATHEXT: '.COM;.EXE;.BAT', USERPROFILE: 'C:\\Users\\me' };
    assert.equal(findExecutable('kommo-widget', env, 'win32', only('C:\\Program Files\\kw\\kommo-widget.exe')), 'C:\\Program Files\\kw\\kommo-widget.exe');
    assert.equal(findExecutable('kommo-widget', env, 'win32', only('C:\\Users\\me\\.dotnet\\tools\\kommo-widget.exe')), 'C:\\Users\\me\\.dotnet\\tools\\kommo-widget.exe');
    assert.equal(findExecutable('D:\\kw\\kommo-widget', env, 'win32', only('D:\\kw\\kommo-widget.exe')), 'D:\\kw\\kommo-widget.exe');
  });

  test('on the real file system: an executable file, not a folder or a file without the x bit', { skip: process.platform === 'win32' }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kommo-vscode-'));
    try {
      for (const name of ['a', 'b', 'c']) fs.mkdirSync(path.join(dir, name));
      fs.mkdirSync(path.join(dir, 'a', 'kommo-widget'));
      fs.writeFileSync(path.join(dir, 'b', 'kommo-widget'), '#!/bin/sh\n', { mode: 0o644 });
      fs.writeFileSync(path.join(dir, 'c', 'kommo-widget'), '#!/bin/sh\n', { mode: 0o755 });
      const PATH = ['a', 'b', 'c'].map((n) => path.join(dir, n)).join(':');
      assert.equal(findExecutable('kommo-widget', { PATH }, process.platform), path.join(dir, 'c', 'kommo-widget'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

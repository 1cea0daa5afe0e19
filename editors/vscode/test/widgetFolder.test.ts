import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { findWidgetFolder, isInside, newWidgetNameProblem, packOutputPath, widgetFoldersFromManifests } from '../src/widgetFolder';

/** A fake file system holding exactly these files. */
const only = (...files: string[]) => (file: string) => files.includes(file);

describe('findWidgetFolder', () => {
  test('the folder of the nearest manifest.json above the file', () => {
    const exists = only('/ws/widgets/a/manifest.json', '/ws/manifest.json');
    assert.equal(findWidgetFolder('/ws/widgets/a/i18n/en.json', ['/ws'], exists), '/ws/widgets/a');
    assert.equal(findWidgetFolder('/ws/widgets/a/manifest.json', ['/ws'], exists), '/ws/widgets/a');
    assert.equal(findWidgetFolder('/ws/widgets/b/script.js', ['/ws'], exists), '/ws');
  });

  test('stops at the workspace folder that holds the file', () => {
    const exists = only('/home/me/manifest.json');
    assert.equal(findWidgetFolder('/home/me/ws/script.js', ['/home/me/ws'], exists), undefined);
    assert.equal(findWidgetFolder('/home/me/ws/script.js', [], exists), '/home/me');
    // The innermost of nested workspace folders bounds the search.
    assert.equal(findWidgetFolder('/home/me/ws/inner/x.js', ['/home/me', '/home/me/ws/inner'], exists), undefined);
  });

  test('a file outside every workspace folder is searched up to the root', () => {
    assert.equal(findWidgetFolder('/tmp/w/images/logo.png', ['/ws'], only('/tmp/w/manifest.json')), '/tmp/w');
    assert.equal(findWidgetFolder('/tmp/w/images/logo.png', ['/ws'], only()), undefined);
  });

  test('skips manifests inside node_modules, .git and .kommo', () => {
    const exists = only('/ws/w/node_modules/pkg/manifest.json', '/ws/w/manifest.json', '/ws/w/.kommo/manifest.json');
    assert.equal(findWidgetFolder('/ws/w/node_modules/pkg/index.js', ['/ws'], exists), '/ws/w');
    assert.equal(findWidgetFolder('/ws/w/.kommo/x', ['/ws'], exists), '/ws/w');
  });

  test('a workspace folder whose own path holds node_modules still counts', () => {
    const exists = only('/srv/node_modules/ws/w/manifest.json');
    assert.equal(findWidgetFolder('/srv/node_modules/ws/w/script.js', ['/srv/node_modules/ws'], exists), '/srv/node_modules/ws/w');
  });

  test('Windows paths', () => {
    const exists = only('C:\\ws\\w\\manifest.json');
    assert.equal(findWidgetFolder('C:\\ws\\w\\i18n\\en.json', ['C:\\ws'], exists, path.win32), 'C:\\ws\\w');
    assert.equal(findWidgetFolder('C:\\other\\x.js', ['C:\\ws'], exists, path.win32), undefined);
  });

  test('on the real file system', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kommo-vscode-'));
    try {
      fs.mkdirSync(path.join(dir, 'w', 'i18n'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'w', 'manifest.json'), '{}');
      fs.writeFileSync(path.join(dir, 'w', 'i18n', 'en.json'), '{}');
      // A folder named manifest.json is not a manifest.
      fs.mkdirSync(path.join(dir, 'w', 'i18n', 'manifest.json'));
      assert.equal(findWidgetFolder(path.join(dir, 'w', 'i18n', 'en.json'), [dir]), path.join(dir, 'w'));
      assert.equal(findWidgetFolder(path.join(dir, 'other.js'), [dir]), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('widgetFoldersFromManifests', () => {
  test('folders of the manifests, once each, sorted, without node_modules', () => {
    assert.deepEqual(
      widgetFoldersFromManifests(
        ['/ws/b/manifest.json', '/ws/a/manifest.json', '/ws/b/manifest.json', '/ws/node_modules/x/manifest.json', '/ws/a/other.json'],
        ['/ws'],
      ),
      ['/ws/a', '/ws/b'],
    );
    assert.deepEqual(widgetFoldersFromManifests([]), []);
  });
});

describe('isInside', () => {
  test('a path is inside itself and its ancestors only', () => {
    assert.ok(isInside('/ws', '/ws'));
    assert.ok(isInside('/ws/a/b', '/ws'));
    assert.ok(!isInside('/wsx/a', '/ws'));
    assert.ok(!isInside('/', '/ws'));
    assert.ok(isInside('/ws/..a/b', '/ws'));
  });
});

describe('packOutputPath', () => {
  test('NAME.zip beside the widget folder NAME', () => {
    assert.equal(packOutputPath('/ws/hello-kommo'), '/ws/hello-kommo.zip');
    assert.equal(packOutputPath('/ws/hello-kommo/'), '/ws/hello-kommo.zip');
    assert.equal(packOutputPath('C:\\ws\\w', path.win32), 'C:\\ws\\w.zip');
  });
});

describe('newWidgetNameProblem', () => {
  test('folder names are accepted', () => {
    for (const name of ['hello-kommo', 'my_widget', 'Widget 2', 'виджет']) assert.equal(newWidgetNameProblem(name), undefined, name);
  });
  test('empty names, paths and option-like names are refused', () => {
    for (const name of ['', '  ', ' x', '.', '..', 'a/b', 'a\\b', 'c:x', '-x', 'a\u0007']) {
      assert.equal(typeof newWidgetNameProblem(name), 'string', JSON.stringify(name));
    }
  });
});

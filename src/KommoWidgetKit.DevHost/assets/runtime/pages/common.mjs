/*
 * What every page family shares: running the widget where `everywhere` asks for it.
 */
import { hasLocation, installed } from '../core/state.mjs';
import { notInstalledBanner } from '../core/chrome.mjs';
import { start } from '../core/lifecycle.mjs';

/** Runs the widget in the page's area when `everywhere` asks for it and no specific location did. */
export function startEverywhere(state, area) {
  if (!hasLocation(state, 'everywhere')) {
    return Promise.resolve(null);
  }
  if (!installed(state)) {
    notInstalledBanner(state, 'on this page');
    return Promise.resolve(null);
  }
  return start(state, area, { kind: 'everywhere' });
}

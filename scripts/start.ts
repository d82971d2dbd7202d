/**
 * `npm start`: builds the extension, serves the demo page on 127.0.0.1 and opens Chromium (or
 * Chrome) with a fresh profile and the extension loaded. Ctrl+C or closing the browser ends it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Digest } from '../lib/digest/schema';
import { renderDemoPage } from './lib/demo-page';
import { extensionLaunchArgs, findBrowser, NO_BROWSER_HELP } from './lib/find-browser';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output', 'chrome-mv3');

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
    child.on('error', fail);
  });
}

async function main(): Promise<void> {
  await run('npx', ['wxt', 'build']);

  const digest = JSON.parse(readFileSync(join(root, 'assets', 'digest.json'), 'utf8')) as Digest;
  const page = renderDemoPage(digest);
  const server = createServer((request, response) => {
    if (request.url !== '/' && request.url !== '/index.html') {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const demoUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  console.log(`\nDemo page: ${demoUrl}`);

  const browser = findBrowser();
  if (!browser) {
    console.error(
      `\n${NO_BROWSER_HELP}\nThe demo page stays up at ${demoUrl} until you press Ctrl+C.`,
    );
    return;
  }
  const profile = mkdtempSync(join(tmpdir(), 'paperpeek-profile-'));
  const args = [...extensionLaunchArgs(extensionDir), `--user-data-dir=${profile}`];
  // Chromium refuses to start as root with its sandbox on (containers, CI machines).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (process.env.PAPERPEEK_HEADLESS === '1') args.push('--headless=new');
  console.log(
    `Opening ${browser} with PaperPeek loaded. Close the browser or press Ctrl+C to stop.`,
  );
  const child = spawn(browser, [...args, demoUrl], { stdio: 'ignore' });
  const stop = () => {
    child.kill();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  child.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

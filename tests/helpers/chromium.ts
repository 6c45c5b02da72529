// Headless Chromium for the report tests (tests/e2e/report-browser.test.ts), driven through the
// DevTools protocol over --remote-debugging-pipe (commands on fd 3, answers and events on fd 4,
// each a JSON message ended by a NUL byte): no npm package, no port. A page is opened with every
// console message, uncaught exception, log entry and request it makes recorded.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The chromium on PATH (Debian's package `chromium`), or undefined. */
export function findChromium(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

/** Font families fontconfig has for Chinese (`fc-list :lang=zh family`); none: Chinese is drawn as tofu. */
export function chineseFonts(): string[] {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n').map((l) => l.trim()).filter(Boolean) : [];
}

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };

export interface PageRecord {
  /** console.error/assert calls, uncaught exceptions and error log entries (a CSP violation is one). */
  errors: string[];
  /** Every URL the page asked for, the document itself included. */
  requests: string[];
}

export class Browser {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  private constructor(private readonly child: ChildProcess, private readonly profile: string) {
    let buffer = '';
    (child.stdio[4] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
        this.dispatch(JSON.parse(buffer.slice(0, end)) as Message);
        buffer = buffer.slice(end + 1);
      }
    });
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static launch(bin: string): Browser {
    const profile = mkdtempSync(join(tmpdir(), 'hotline-chromium-'));
    const child = spawn(bin, [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--no-first-run',
      '--no-default-browser-check', '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync', 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    return new Browser(child, profile);
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined) {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m);
    } else for (const l of this.listeners) l(m);
  }

  /** Sends a DevTools command (to a page when `sessionId`) and resolves with its result. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.next++;
    (this.child.stdio[3] as Writable).write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    return new Promise((resolve, reject) => this.pending.set(id, { resolve: (m) => resolve(m.result ?? {}), reject }));
  }

  /** Opens `url` in a new tab of `width` × `height` CSS pixels and waits for its load event. */
  async open(url: string, width: number, height: number): Promise<Page> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const record: PageRecord = { errors: [], requests: [] };
    let loaded: () => void = () => undefined;
    const load = new Promise<void>((resolve) => (loaded = resolve));
    this.listeners.push((m) => {
      if (m.sessionId !== sessionId || !m.params) return;
      const p = m.params as Record<string, any>;
      if (m.method === 'Page.loadEventFired') loaded();
      else if (m.method === 'Network.requestWillBeSent') record.requests.push(String(p.request.url));
      else if (m.method === 'Runtime.exceptionThrown') record.errors.push(`exception: ${p.exceptionDetails.exception?.description ?? p.exceptionDetails.text}`);
      else if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) record.errors.push(`console.${p.type}: ${JSON.stringify(p.args.map((a: { value?: unknown; description?: string }) => a.value ?? a.description))}`);
      else if (m.method === 'Log.entryAdded' && p.entry.level === 'error') record.errors.push(`${p.entry.source}: ${p.entry.text}`);
    });
    for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    await this.send('Page.navigate', { url }, sessionId);
    await load;
    return new Page(this, sessionId, record);
  }

  /** Ends chromium and removes its profile. */
  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await exited;
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export class Page {
  constructor(private readonly browser: Browser, private readonly sessionId: string, readonly record: PageRecord) {}

  /** The value of a JavaScript expression in the page (JSON-serializable). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, this.sessionId)) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text}`);
    return r.result.value;
  }

  /** A PNG of the whole page. */
  async screenshot(): Promise<Buffer> {
    const r = await this.browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, this.sessionId);
    return Buffer.from(String(r.data), 'base64');
  }

  /** The page printed to PDF with its own @page size (A4 for the reports). */
  async pdf(): Promise<Buffer> {
    const r = await this.browser.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true }, this.sessionId);
    return Buffer.from(String(r.data), 'base64');
  }

  /** The fonts the text of the first element matching `selector` was drawn with: family name → glyphs. */
  async fontsOf(selector: string): Promise<Record<string, number>> {
    const { root } = (await this.browser.send('DOM.getDocument', {}, this.sessionId)) as { root: { nodeId: number } };
    const { nodeId } = (await this.browser.send('DOM.querySelector', { nodeId: root.nodeId, selector }, this.sessionId)) as { nodeId: number };
    await this.browser.send('CSS.enable', {}, this.sessionId);
    const { fonts } = (await this.browser.send('CSS.getPlatformFontsForNode', { nodeId }, this.sessionId)) as { fonts: { familyName: string; glyphCount: number }[] };
    return Object.fromEntries(fonts.map((f) => [f.familyName, f.glyphCount]));
  }
}

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from './fixtures';

export const SERVER = path.join(ROOT, 'dist', 'server.js');

/**
 * A real LSP client: spawns the bundled server over stdio and speaks JSON-RPC to it. Tests wait
 * for notifications through promises, never by sleeping.
 */
export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly stderr: string[] = [];
  private diagnosticsWaiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly exited: Promise<number | null>;

  constructor(args: string[] = ['--stdio'], server = SERVER) {
    this.process = spawn(process.execPath, [server, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.diagnosticsWaiters = this.diagnosticsWaiters.filter((waiter) => {
        if (waiter.uri !== params.uri || !waiter.accept(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    this.connection.onRequest('workspace/configuration', () => [this.settings]);
    this.connection.onRequest('client/registerCapability', () => null);
    const shown = (params: { type: number; message: string }) => {
      this.messages.push(params);
      for (const waiter of this.messageWaiters.splice(0)) waiter(params);
    };
    this.connection.onNotification('window/showMessage', shown);
    // vscode-languageserver's show…Message sends a request, answered here as if dismissed.
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      shown(params);
      return null;
    });
    this.connection.listen();
  }

  /** `window/showMessage` notifications and `window/showMessageRequest` requests, in order. */
  readonly messages: { type: number; message: string }[] = [];
  private messageWaiters: ((params: { type: number; message: string }) => void)[] = [];

  /** Resolves with the next message shown to the user. */
  nextMessage(): Promise<{ type: number; message: string }> {
    return new Promise((resolve) => this.messageWaiters.push(resolve));
  }

  /** What the client answers to `workspace/configuration`. */
  settings: unknown = {};

  async initialize(capabilities: object = { workspace: { configuration: true } }) {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  /** Resolves with the next diagnostics published for `uri` at `version`, or that `accept` takes. */
  nextDiagnostics(uri: string, version?: number | ((p: PublishDiagnosticsParams) => boolean)): Promise<PublishDiagnosticsParams> {
    const accept = typeof version === 'function' ? version : (p: PublishDiagnosticsParams) => version === undefined || p.version === version;
    return new Promise((resolve) => this.diagnosticsWaiters.push({ uri, accept, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version, text } });
    return published;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /**
   * Writes bytes to the server's stdin as they are, outside JSON-RPC: a malformed message, a
   * header with a wrong length. Await every request and notification before, so that nothing
   * the connection writes is interleaved.
   */
  writeRaw(bytes: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => this.process.stdin!.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /** Whether the server process is still running. */
  isAlive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}

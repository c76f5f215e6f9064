import childProcess, { type SpawnOptions } from 'node:child_process';
import net from 'node:net';
import { getSystemErrorName } from 'node:util';

/**
 * One listening TCP socket shared by several workerd processes, so the local system can use more
 * than one core: workerd runs its JavaScript on one thread, and the kernel hands each new
 * connection on a shared listening socket to whichever process accepts it first (the pre-fork
 * model). workerd takes such a socket with `--socket-fd <name>=<fd>`; Miniflare has no option for
 * it, so `spawnWithSocket` adds the descriptor and the flag to the one workerd spawn it wraps.
 *
 * The socket is bound here but listened on by a short-lived helper process: a listening handle in
 * this process would be polled by Node's event loop, which would then accept connections meant
 * for workerd. The listening state belongs to the socket, not to the descriptor, so it holds for
 * every process that has it.
 */

export interface SharedSocket {
  port: number;
  /** Pass to `spawnWithSocket`; valid until `close`. */
  fd: number;
  /** Closes this process's copy; workerd processes keep theirs. Call once they are spawned. */
  close(): void;
}

const BACKLOG = 511;
const CHILD_FD = 4; // after Miniflare's stdin, stdout, stderr and control pipe (3)

interface BoundHandle { fd: number; getsockname(out: { port?: number }): number; close(): void }
type CreateServerHandle = (address: string, port: number, addressType: number) => BoundHandle | number;

/** Whether this Node exposes what sharing needs (`net._createServerHandle`, used by its own cluster module). */
export function canShareSockets(): boolean {
  return process.platform !== 'win32' && typeof (net as unknown as { _createServerHandle?: unknown })._createServerHandle === 'function';
}

export async function openSharedSocket(host: string, port: number): Promise<SharedSocket> {
  const create = (net as unknown as { _createServerHandle: CreateServerHandle })._createServerHandle;
  const handle = create(host, port, net.isIPv6(host) ? 6 : 4);
  if (typeof handle === 'number') throw bindError(host, port, handle);
  // libuv reports a failed bind late (at listen), and getsockname is where it shows first here:
  // listening on the unbound socket would quietly pick a random port instead.
  const out: { port?: number } = {};
  const rc = handle.getsockname(out);
  if (rc !== 0 || out.port === undefined) {
    handle.close();
    throw bindError(host, port, rc);
  }
  try {
    await listenInHelper(handle.fd);
  } catch (err) {
    handle.close();
    throw err;
  }
  let open = true;
  return {
    port: out.port,
    fd: handle.fd,
    close() {
      if (open) handle.close();
      open = false;
    },
  };
}

function bindError(host: string, port: number, errno: number): Error {
  let code = `errno ${errno}`;
  try { code = getSystemErrorName(errno); } catch { /* not a system error number */ }
  return new Error(`cannot listen on ${host}:${port} (${code}); is another server on this port?`);
}

/** listen(2) on the descriptor in a child that exits in the same tick, before its loop could accept. */
function listenInHelper(fd: number): Promise<void> {
  const script = `require('net').createServer().listen({ fd: 3, backlog: ${BACKLOG} }, () => process.exit(0)).on('error', (e) => { console.error(e.message); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe', fd] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`could not listen on the shared socket: ${err.trim() || `exit ${code}`}`))));
  });
}

function isWorkerdServe(args: readonly string[] | undefined): boolean {
  return !!args && args[0] === 'serve' && args.includes('--control-fd=3');
}

/**
 * Runs `start` (which must spawn exactly one workerd, e.g. `new Miniflare(...).ready`) with that
 * spawn given `socket` as its socket `socketName`. Other spawns pass through untouched.
 */
export async function spawnWithSocket<T>(socket: SharedSocket, socketName: string, start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  let used = false;
  const patched = function (this: unknown, command: string, args?: readonly string[], options?: SpawnOptions) {
    if (used || !isWorkerdServe(args) || !Array.isArray(options?.stdio) || options.stdio.length !== CHILD_FD) {
      return (original as (...a: unknown[]) => unknown).call(this, command, args, options);
    }
    used = true;
    return original.call(this, command, [...args!, `--socket-fd=${socketName}=${CHILD_FD}`], { ...options, stdio: [...options.stdio, socket.fd] });
  };
  (childProcess as { spawn: unknown }).spawn = patched;
  try {
    const result = await start();
    if (!used) throw new Error('workerd was not started with the shared socket');
    return result;
  } finally {
    (childProcess as { spawn: unknown }).spawn = original;
  }
}

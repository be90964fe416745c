import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks; closed again before returning). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface RunningService {
  name: string;
  url: string;
  port: number;
  /** Every stdout/stderr line so far. */
  lines: string[];
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * Starts a real service process (`node [nodeArgs] entry`) on a free port and waits until its
 * readiness endpoint answers 200. Tests use it to exercise services as they run in production.
 */
export const startServiceProcess = async (options: {
  name: string;
  entry: string;
  env?: Record<string, string | undefined>;
  nodeArgs?: string[];
  readyPath?: string;
  timeoutMs?: number;
}): Promise<RunningService> => {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry], {
    env: { ...process.env, NODE_OPTIONS: '', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${options.name} exited with ${child.exitCode}:\n${lines.slice(-40).join('\n')}`);
    }
    try {
      const response = await fetch(`${url}${options.readyPath ?? '/health/ready'}`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready in time:\n${lines.slice(-40).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name: options.name,
    url,
    port,
    lines,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
};

import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** libs/messaging/{src,dist}/kafka → the repository root. */
const repoRoot = (): string => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let resolved: Promise<string[]> | undefined;

/**
 * The Kafka brokers integration tests use: `KAFKA_BROKERS` (comma-separated) when set, else
 * the local launcher `infra/kafka/start` (idempotent; its last stdout line is the bootstrap
 * address). Tests never replace Kafka with an imitation.
 */
export const kafkaBrokersForTests = (): Promise<string[]> => {
  resolved ??= (async () => {
    const fromEnv = process.env['KAFKA_BROKERS']?.trim();
    if (fromEnv)
      return fromEnv
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean);
    const script = path.join(repoRoot(), 'infra', 'kafka', 'start');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(script, [], { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => {
        if (error) reject(new Error(`infra/kafka/start failed: ${error.message}\n${String(err).slice(-4000)}`));
        else resolve(String(out));
      });
    });
    const last = stdout.trim().split('\n').pop()?.trim();
    if (!last) throw new Error('infra/kafka/start printed no bootstrap address');
    return [last];
  })();
  resolved.catch(() => (resolved = undefined));
  return resolved;
};

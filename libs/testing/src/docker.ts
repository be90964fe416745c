import { existsSync } from 'node:fs';

let answer: Promise<boolean> | undefined;

/** True when a Docker engine answers (testcontainers can then start real infrastructure). */
export const dockerAnswers = (): Promise<boolean> => {
  answer ??= (async () => {
    const socket = process.env['DOCKER_HOST'] ?? (existsSync('/var/run/docker.sock') ? 'unix:///var/run/docker.sock' : undefined);
    if (!socket) return false;
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      const client = await Promise.race([
        getContainerRuntimeClient(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
      ]);
      return Boolean(client);
    } catch {
      return false;
    }
  })();
  return answer;
};

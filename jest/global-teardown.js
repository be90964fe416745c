export default async function globalTeardown() {
  await globalThis.__adalPostgres?.stop();
}

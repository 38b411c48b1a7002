// Long-running processes for a queue-mode run of the real n8n: Redis and a throwaway
// PostgreSQL cluster (Debian's packages), n8n workers and webhook processes, each started
// in its own process group and stopped by its pid; memory (RSS) read from /proc.
// Used by `npm run test:queue` (test/queue/run.mjs). `n8n start` itself is started with
// startServer() from scripts/e2e/n8n-app.mjs. Each part lives in its own file:
export * from './process.mjs'; // a process in its own group, its lines, waiting for it
export * from './redis.mjs'; // redis-server (installed when missing)
export * from './postgres.mjs'; // a throwaway PostgreSQL cluster
export * from './n8nProcess.mjs'; // n8n worker / webhook processes with their own host names
export * from './memory.mjs'; // RSS of a process tree

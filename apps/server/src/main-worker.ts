/** `npm run start:worker`: a worker process; it runs jobs and relays the outbox, and listens on no port. */
process.env.GLIMPSE_ROLE = 'worker';
// Imported only now, so that main.ts reads the environment with the role already set.
await import('./main');

export {};

/** `npm run start:worker`: a worker process; it runs jobs and relays the outbox, and listens on no port. */
process.env.GLIMPSE_ROLE = 'worker';
await import('./main');

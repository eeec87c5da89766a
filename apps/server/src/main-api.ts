/** `npm run start:api`: a stateless API process; it serves HTTP and leaves every job to worker processes. */
process.env.GLIMPSE_ROLE = 'api';
// Imported only now, so that main.ts reads the environment with the role already set.
await import('./main');

export {};

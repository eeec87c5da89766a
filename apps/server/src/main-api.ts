/** `npm run start:api`: a stateless API process; it serves HTTP and leaves every job to worker processes. */
process.env.GLIMPSE_ROLE = 'api';
await import('./main');

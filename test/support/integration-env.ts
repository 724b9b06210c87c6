import { inject } from 'vitest';

// Runs before each integration test file imports anything: handlers and repositories then find the
// tables and the DynamoDB Local endpoint exactly as they do under `npm start`.
Object.assign(process.env, inject('localEnvironment'));

// Runs in every test file (vitest setupFiles): the thread that ran hotline in process for the
// file's tests (tests/helpers/cli.ts) ends with the file.
import { afterAll } from 'vitest';
import { stopInProcess } from './cli.js';

afterAll(stopInProcess);

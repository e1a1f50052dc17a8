import { afterAll } from 'vitest';

// Vant's NavBar (every page header) measures itself 100, 200 and 300 ms after mounting. A spec file that
// ends sooner tears down the DOM first and the late measurement throws "window is not defined".
afterAll(() => new Promise((resolve) => setTimeout(resolve, 350)));

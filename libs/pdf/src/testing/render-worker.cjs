// The render worker run from its TypeScript source, for tests: tsx compiles it inside the
// worker thread (jest's transform does not reach worker threads).
require('tsx/cjs');
module.exports = require('../render-worker.ts');

// Worker threads start without the TypeScript hook: register tsx, then load the real worker.
require('tsx/cjs');
require('./worker.ts').serve();

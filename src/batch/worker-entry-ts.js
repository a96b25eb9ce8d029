// The worker entry when the TypeScript sources run (tests, bench): worker threads start without the
// parent's TypeScript hook, so register it first. The installed package starts with the compiled worker-start.js.
require('../../bin/ts-hook.js');
require('./worker-entry.ts');

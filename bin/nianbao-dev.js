#!/usr/bin/env node
// The nianbao command from the TypeScript sources (bin/ts-hook.js, dev dependencies), without a build:
// what the tests spawn, so that they always run the code as it is. Users run bin/nianbao.js.
require('./ts-hook.js');
require('../src/cli/main.ts').runMain(process.argv.slice(2));

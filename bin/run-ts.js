#!/usr/bin/env node
// Runs a TypeScript script of the project (benchmarks, tools) from the sources: node bin/run-ts.js file.ts [args]
require('./ts-hook.js');
const path = require('node:path');
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));

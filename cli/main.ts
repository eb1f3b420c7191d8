#!/usr/bin/env node
// Placeholder entry point until the CLI commands land: says honestly what is not built yet.
process.stdout.write('connector: the demo is not built yet (see README.md).\n');

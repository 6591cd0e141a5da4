#!/usr/bin/env node
/** `zero-record <command>`: the published command line (packages/cli bundles this file). */
import { runCommandLine } from './cli/command-line.ts';
import { COMMANDS } from './commands.ts';

process.exitCode = await runCommandLine(COMMANDS, process.argv.slice(2));

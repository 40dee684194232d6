#!/usr/bin/env node
import { main } from '../build/cli/main.js';
await main(process.argv);

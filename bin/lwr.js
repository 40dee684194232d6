#!/usr/bin/env node
import { main } from '../build/bundle/lwr.js';
await main(process.argv);

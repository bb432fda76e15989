/**
 * Benchmarks that print ratios against a baseline measured in the same run.
 * Usage: npm run bench [-- --quick]
 */
import { cryptoEnvelopeBench } from './crypto/cryptoEnvelopeBench.ts';
import { printResults } from './printResults.ts';

const quick = process.argv.includes('--quick');
const results = [await cryptoEnvelopeBench({ iterations: quick ? 2_000 : 20_000 })];
printResults(results);

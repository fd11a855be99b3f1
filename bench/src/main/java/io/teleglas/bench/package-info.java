/** Benchmarks of the alert path; see docs/performance.md for how to run them and the figures. */
package io.teleglas.bench;

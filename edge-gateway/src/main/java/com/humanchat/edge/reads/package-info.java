/**
 * What the edge's services read from PostgreSQL before a command goes to the topologies, beyond what they share
 * with the workers in {@code read-models}: payments and managed requests as projected. Plain queries over an
 * injected pool; no service logic, so every feature package may depend on them and none of them on a feature
 * package.
 */
package com.humanchat.edge.reads;

/** One Prometheus registry per edge process: Vert.x (HTTP server, pools, event bus), JVM and HumanChat meters. */
package com.humanchat.edge.metrics;

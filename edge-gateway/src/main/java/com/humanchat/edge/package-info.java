/**
 * The edge process: {@link com.humanchat.edge.EdgeMain} (deployable) and {@link com.humanchat.edge.Edge}
 * (embeddable) start one {@link com.humanchat.edge.EdgeServices} and one {@link com.humanchat.edge.EdgeServer} per
 * event loop, all serving one port.
 */
package com.humanchat.edge;

/** Sam's read-only tools over live data: PostgreSQL (hosts, prices, sessions, messages) and Redis (presence). */
package com.humanchat.sam.tools;

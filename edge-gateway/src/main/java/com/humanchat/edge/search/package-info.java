/** {@code GET /api/search}: ranked full-text search over the messages of the caller's conversations. */
package com.humanchat.edge.search;

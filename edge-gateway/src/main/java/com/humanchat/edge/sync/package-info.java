/**
 * {@code GET /api/sync}: a caller's changes since an opaque cursor, read from the projection in one repeatable-read
 * snapshot; the cursor only moves past rows no running transaction can still precede.
 */
package com.humanchat.edge.sync;

/**
 * Attachments (files, images, profile pictures): uploads registered and checked by the edge, bytes in object storage
 * (S3 through the AWS SDK, or the standalone's disk behind the edge's own signed URLs), short-lived signed links for
 * members only.
 */
package com.humanchat.edge.attachments;

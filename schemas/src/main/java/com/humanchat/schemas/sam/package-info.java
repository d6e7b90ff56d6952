/**
 * Sam, the concierge: {@code sam.requests} (what a user asked, keyed by their Sam conversation) and {@code sam.actions}
 * (what Sam answered, with the proposed actions that passed the action schemas and live data).
 */
package com.humanchat.schemas.sam;

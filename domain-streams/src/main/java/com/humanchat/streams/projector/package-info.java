/**
 * The projector: materialises {@code chat.events}, {@code chat.unread}, {@code sessions.events} and
 * {@code requests.events} into the PostgreSQL read models (conversations, participants, messages, unread totals,
 * sessions, requests and their decisions) with idempotent upserts, one transaction per poll batch and
 * offsets committed after it, so a crash replays at most one batch and a replay changes nothing.
 *
 * <p>{@link com.humanchat.streams.projector.Projector#start} is the embeddable API,
 * {@link com.humanchat.streams.projector.ProjectorMain} the deployable entry point.
 */
package com.humanchat.streams.projector;

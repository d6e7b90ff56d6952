/**
 * The session families: {@code session.request} / {@code session.transition} / {@code session.review} /
 * {@code session.answer-review} / {@code session.reschedule} / {@code session.reschedule-answer} commands on {@code sessions.commands}, and the session topology's decisions on
 * {@code sessions.events}: status events carry the session's snapshot after them, review events the review's facts.
 */
package com.humanchat.schemas.sessions;

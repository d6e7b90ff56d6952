/**
 * The session families: {@code session.request} / {@code session.transition} commands on {@code sessions.commands},
 * and the session topology's decisions on {@code sessions.events}, each carrying the session's snapshot after it.
 */
package com.humanchat.schemas.sessions;

/** The {@code users.events} family: identity changes the edge publishes through its transactional outbox. */
package com.humanchat.schemas.users;

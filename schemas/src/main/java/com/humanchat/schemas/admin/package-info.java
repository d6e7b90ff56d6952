/** What admins broadcast: {@code admin.announcements}, pushed by every edge replica to every connected client. */
package com.humanchat.schemas.admin;

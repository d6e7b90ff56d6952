/**
 * The admin API ({@code /api/admin/*}, admin role checked against PostgreSQL on every request) and announcements:
 * every admin action commits with its audit row and, where other services must know, its outbox record.
 */
package com.humanchat.edge.admin;

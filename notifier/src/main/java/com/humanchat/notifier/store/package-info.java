/** The notifier's PostgreSQL state: the in-app list, unread messages waiting for the delay, the sent-ledger. */
package com.humanchat.notifier.store;

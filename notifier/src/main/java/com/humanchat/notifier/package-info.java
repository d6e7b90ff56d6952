/**
 * The notifier deployable: derives notifications from the event topics into PostgreSQL and sends their e-mails
 * through a sent-ledger, each notification and channel once.
 */
package com.humanchat.notifier;

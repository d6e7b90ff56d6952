/** In-app notifications and notification preferences, read from and written to the notifier's tables. */
package com.humanchat.edge.notifications;

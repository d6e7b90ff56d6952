/** The notifier's configuration. */
package com.humanchat.notifier.config;

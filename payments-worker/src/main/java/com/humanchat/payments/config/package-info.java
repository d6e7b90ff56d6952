/** The payments worker's typed configuration, read from {@code HUMANCHAT_*} variables. */
package com.humanchat.payments.config;

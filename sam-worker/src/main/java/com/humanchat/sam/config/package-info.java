/** The worker's typed configuration, read from {@code HUMANCHAT_*} variables. */
package com.humanchat.sam.config;

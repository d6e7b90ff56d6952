/** How every service reads its {@code HUMANCHAT_*} environment: one reader, every problem reported at once. */
package com.humanchat.schemas.config;

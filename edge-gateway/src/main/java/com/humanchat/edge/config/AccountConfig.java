package com.humanchat.edge.config;

import com.humanchat.schemas.config.EnvironmentReader;
import com.humanchat.schemas.config.Settings;
import java.time.Duration;

/**
 * Account safety settings: whether admins must sign in with a second factor, and how long a requested deletion waits
 * before the account is erased.
 */
public record AccountConfig(boolean adminTwoFactorRequired, Duration deletionGrace) {

    /** Reads the account settings; problems are added to {@code r}. */
    static AccountConfig read(EnvironmentReader r) {
        boolean adminTwoFactor = r.bool(Settings.ADMIN_TWO_FACTOR_REQUIRED);
        Duration grace = Duration.ofHours(r.integer(Settings.ACCOUNT_DELETION_GRACE_HOURS, 0, 24 * 365));
        return new AccountConfig(adminTwoFactor, grace);
    }
}

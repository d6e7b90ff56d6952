package com.humanchat.edge.account;

import com.humanchat.edge.http.ProblemType;
import io.vertx.core.Future;
import java.util.UUID;

/**
 * With {@code HUMANCHAT_ADMIN_TWO_FACTOR_REQUIRED=true}, an admin acts as one only with two-factor sign-in on: the admin
 * routes refuse them (403 {@code two-factor-enrolment-required}) until they enrol, which their own settings still let
 * them do.
 */
public final class AdminTwoFactorPolicy {

    private final boolean required;
    private final TwoFactorService twoFactor;

    public AdminTwoFactorPolicy(boolean required, TwoFactorService twoFactor) {
        this.required = required;
        this.twoFactor = twoFactor;
    }

    /** Succeeds when the admin {@code userId} may act as one under this policy. */
    public Future<Void> check(UUID userId) {
        if (!required) {
            return Future.succeededFuture();
        }
        return twoFactor
                .enabled(userId)
                .compose(enabled -> enabled
                        ? Future.succeededFuture()
                        : Future.failedFuture(ProblemType.TWO_FACTOR_ENROLMENT_REQUIRED.with(
                                "admins on this platform sign in with a second factor: turn on two-factor sign-in in your"
                                        + " security settings first")));
    }
}

/**
 * The caller's own account beyond the profile: the export of everything held about them, deletion with a grace period
 * and the erasure after it, the list of their sign-ins, and two-factor sign-in (TOTP) with recovery codes.
 */
package com.humanchat.edge.account;

/**
 * The {@code rtc.signals} topic: WebRTC offers, answers and ICE candidates relayed between the two participants of a
 * session by the edge replicas; never stored or projected.
 */
package com.humanchat.schemas.rtc;

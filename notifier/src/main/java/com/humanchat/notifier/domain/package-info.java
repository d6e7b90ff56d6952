/** Pure rules: what notifications an event causes, for whom, with ids derived from the event. */
package com.humanchat.notifier.domain;

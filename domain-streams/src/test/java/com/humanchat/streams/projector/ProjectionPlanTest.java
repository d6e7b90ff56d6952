package com.humanchat.streams.projector;

import static com.humanchat.streams.projector.ProjectorTestKit.at;
import static com.humanchat.streams.projector.ProjectorTestKit.read;
import static com.humanchat.streams.projector.ProjectorTestKit.reviewAnswered;
import static com.humanchat.streams.projector.ProjectorTestKit.reviewed;
import static com.humanchat.streams.projector.ProjectorTestKit.sent;
import static com.humanchat.streams.projector.ProjectorTestKit.session;
import static com.humanchat.streams.projector.ProjectorTestKit.sessionChanged;
import static com.humanchat.streams.projector.ProjectorTestKit.sessionRequested;
import static com.humanchat.streams.projector.ProjectorTestKit.unread;
import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.schemas.availability.Availability;
import com.humanchat.schemas.availability.AvailabilityUpdated;
import com.humanchat.schemas.sessions.SessionStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pure half of the projector: what one batch writes, decided without a database (the SQL is ProjectionWriterIT's). */
class ProjectionPlanTest {

    private final UUID conversation = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void aHostsLatestAvailabilityOfTheBatchIsTheOneWritten() {
        Availability morning = new Availability(
                "Europe/Berlin",
                Map.of("monday", List.of(new Availability.Range("09:00", "12:00"))),
                List.of(),
                0,
                0,
                0,
                30,
                List.of(60));
        Availability evening = new Availability(
                "Europe/Berlin",
                Map.of("monday", List.of(new Availability.Range("18:00", "21:00"))),
                List.of(),
                0,
                0,
                0,
                30,
                List.of(60));
        ProjectionPlan plan = ProjectionPlan.of(List.of(
                new AvailabilityUpdated(UUID.randomUUID(), 1, at(1), ann, UUID.randomUUID(), morning),
                new AvailabilityUpdated(UUID.randomUUID(), 1, at(2), ann, UUID.randomUUID(), evening)));

        assertThat(plan.availabilities()).containsOnlyKeys(ann);
        assertThat(plan.availabilities().get(ann).availability()).isEqualTo(evening);
        assertThat(plan.isEmpty()).isFalse();
    }

    @Test
    void aMessageSeenTwiceInABatchIsWrittenOnceAndItsConversationAdvanced() {
        ProjectionPlan plan = ProjectionPlan.of(List.of(
                sent(conversation, 1, ann, "hi", List.of(ann, bob), at(1)),
                sent(conversation, 1, ann, "hi", List.of(ann, bob), at(1)),
                sent(conversation, 2, bob, "hello", List.of(ann, bob), at(2))));

        assertThat(plan.messages()).hasSize(2);
        assertThat(plan.touchedConversations()).containsExactly(conversation);
    }

    @Test
    void readPositionsOnlyGrowAndAnOlderUnreadCountChangesNothing() {
        ProjectionPlan plan = ProjectionPlan.of(List.of(
                read(conversation, bob, 5, at(1)),
                read(conversation, bob, 3, at(2)),
                unread(bob, conversation, 9, 5, 4),
                unread(bob, conversation, 8, 5, 7)));

        assertThat(plan.reads().values()).containsExactly(5L);
        assertThat(plan.unreadCounts().values()).singleElement().satisfies(u -> assertThat(u.lastSeq())
                .isEqualTo(9));
        assertThat(plan.unreadTotals()).containsEntry(bob, 4L);
    }

    @Test
    void theSessionSnapshotFurthestAlongItsLifecycleWinsWhateverTheOrder() {
        UUID id = UUID.randomUUID();
        ProjectionPlan plan = ProjectionPlan.of(List.of(
                sessionChanged(
                        SessionStatus.REQUESTED, session(id, ann, bob, conversation, SessionStatus.CONFIRMED, at(3))),
                sessionRequested(session(id, ann, bob, conversation, SessionStatus.REQUESTED, at(1)))));

        assertThat(plan.sessions().get(id).status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(plan.linkedSessions()).containsExactly(id);
    }

    @Test
    void aSessionsFirstReviewAndFirstAnswerAreTheOnesWritten() {
        UUID id = UUID.randomUUID();
        ProjectionPlan plan = ProjectionPlan.of(List.of(
                reviewed(id, ann, bob, 4, "Good", at(10)),
                reviewAnswered(id, bob, "Thanks", at(11)),
                reviewed(id, ann, bob, 1, "Bad", at(12)),
                reviewAnswered(id, bob, "Hm", at(13))));

        assertThat(plan.reviews().values()).singleElement().satisfies(r -> assertThat(r.rating())
                .isEqualTo(4));
        assertThat(plan.reviewAnswers().values()).singleElement().satisfies(a -> assertThat(a.text())
                .isEqualTo("Thanks"));
        assertThat(ProjectionPlan.of(List.of(reviewAnswered(id, bob, "Thanks", at(11))))
                        .isEmpty())
                .isFalse();
    }

    @Test
    void aBatchOfEventsThatChangeNoReadModelWritesNothing() {
        assertThat(ProjectionPlan.of(List.of()).isEmpty()).isTrue();
        assertThat(ProjectionPlan.of(List.of(read(conversation, bob, 1, at(1)))).isEmpty())
                .isFalse();
    }
}

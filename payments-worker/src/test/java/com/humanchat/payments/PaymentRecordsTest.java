package com.humanchat.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.payments.domain.Payment;
import com.humanchat.payments.ledger.ConnectedAccount;
import com.humanchat.payments.ledger.OutboxRecord;
import com.humanchat.schemas.Envelope;
import com.humanchat.schemas.Topic;
import com.humanchat.schemas.Topics;
import com.humanchat.schemas.payments.PaymentKind;
import com.humanchat.schemas.payments.PaymentStatus;
import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.humanchat.schemas.sessions.SessionStatus;
import com.humanchat.schemas.sessions.SessionStatusChanged;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentRecordsTest {

    private static final Instant NOW = Instant.parse("2031-03-04T05:06:07.089Z");
    private static final UUID PAYER = UUID.randomUUID();
    private static final UUID HOST = UUID.randomUUID();

    private final PaymentRecords records = new PaymentRecords(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyRecordCarriesTheClocksTime() {
        UUID session = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        Payment sessionPayment = succeeded(PaymentKind.SESSION, session, null);
        List<OutboxRecord> written = new ArrayList<>();
        written.add(records.paymentUpdated(sessionPayment, "command:1", UUID.randomUUID(), "pi_1_secret", null));
        written.add(
                records.accountUpdated(new ConnectedAccount(HOST, "acct_1", true, true), "stripe:evt_1", null, null));
        written.addAll(records.effects(sessionPayment, "stripe:evt_2", null, true, "Ada"));
        written.addAll(records.effects(
                succeeded(PaymentKind.DONATION, null, conversation), "stripe:evt_3", null, true, "Ada"));
        // the cancellation's own time is now, not the clock's
        SessionStatusChanged cancelled = SessionCancellations.cancelledByHost(
                session, HOST, Money.of(5000, "usd"), NOW.plusSeconds(86_400), SessionStatus.CONFIRMED);
        written.addAll(
                records.refundMessage(cancelled, sessionPayment, new RefundPolicy.Refund(5000, "usd", "cancelled")));

        assertThat(written)
                .extracting(OutboxRecord::topic)
                .containsExactly(
                        "payments.events",
                        "payments.events",
                        "payments.events",
                        "sessions.commands",
                        "payments.events",
                        "chat.commands",
                        "chat.commands");
        assertThat(written).extracting(r -> read(r).occurredAt()).containsOnly(NOW);
    }

    private static Payment succeeded(PaymentKind kind, UUID session, UUID conversation) {
        return new Payment(
                UUID.randomUUID(),
                kind,
                session,
                conversation,
                PAYER,
                HOST,
                5000,
                "usd",
                500,
                0,
                PaymentStatus.SUCCEEDED,
                "pi_1");
    }

    private static Envelope read(OutboxRecord record) {
        byte[] payload = record.payload().getBytes(StandardCharsets.UTF_8);
        Topic<String, ? extends Envelope> topic =
                switch (record.topic()) {
                    case "payments.events" -> Topics.PAYMENTS_EVENTS;
                    case "sessions.commands" -> Topics.SESSIONS_COMMANDS;
                    default -> Topics.CHAT_COMMANDS;
                };
        return topic.valueSerde().deserializer().deserialize(record.topic(), payload);
    }
}

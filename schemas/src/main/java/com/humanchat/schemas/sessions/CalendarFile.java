package com.humanchat.schemas.sessions;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Status;
import java.util.Date;

/**
 * A scheduled session as an iCalendar (RFC 5545) file, written with biweekly: one {@code VEVENT} whose {@code UID} is
 * the same for the session forever, {@code DTSTART}/{@code DTEND} in UTC, {@code SEQUENCE} the number of times it was
 * rescheduled (so a calendar that imported it replaces the old time), and the session's page (its video call) as
 * {@code URL} and {@code LOCATION}. The edge serves it for download; the notifier attaches it to the session-confirmed
 * e-mail.
 */
public final class CalendarFile {

    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

    private CalendarFile() {}

    /** The stable {@code UID} of session {@code session}. */
    public static String uid(Session session) {
        return "session-" + session.sessionId() + "@humanchat";
    }

    /** The session's page in the web client, where its video call runs. */
    public static String sessionPage(String publicUrl, Session session) {
        return publicUrl + "/#/sessions/" + session.sessionId();
    }

    /** @param session a scheduled session (its start time is set) */
    public static String of(Session session, int sequence, String publicUrl) {
        String link = sessionPage(publicUrl, session);
        VEvent event = new VEvent();
        event.setUid(uid(session));
        event.setSequence(sequence);
        event.setDateTimeStamp(Date.from(session.updatedAt()));
        event.setDateStart(Date.from(session.startTime()));
        event.setDateEnd(Date.from(session.scheduledEnd()));
        event.setSummary("HumanChat session (" + session.durationMinutes() + " min)");
        event.setDescription("Join the video call: " + link);
        event.setLocation(link);
        event.setUrl(link);
        event.setStatus(status(session.status()));
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//HumanChat//Sessions//EN");
        calendar.setMethod(Method.publish());
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    private static Status status(SessionStatus status) {
        return switch (status) {
            case CONFIRMED, IN_PROGRESS, COMPLETED -> Status.confirmed();
            case DECLINED, CANCELLED, NO_SHOW -> Status.cancelled();
            case REQUESTED, ACCEPTED, AWAITING_PAYMENT -> Status.tentative();
        };
    }
}

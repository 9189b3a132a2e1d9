package kz.oqytu.surveys;

/** Both surveys of an event, side by side: what people expected to apply and what they applied. */
public record EventResults(long eventId, KindResults postEvent, KindResults followUp) {
}

package kz.oqytu.checkin;

/** What a participant types: name, organization (as written or picked), category code, phone (optional). */
public record SelfCheckIn(String fullName, String organization, String categoryCode, String phone) {
}

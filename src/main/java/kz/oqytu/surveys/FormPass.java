package kz.oqytu.surveys;

/**
 * What a rendered public form carries: a one-time form token signed by the server, bound to the
 * survey and the device, and the device cookie's value when the device needs a new one (else null).
 */
public record FormPass(String formToken, String newDeviceCookie) {
}

package io.switchboard.sip.header;

import java.util.Map;

/**
 * A header value of the form {@code value;name=value;flag}, e.g. {@code Session-Expires: 1800;refresher=uac}.
 *
 * @param params parameter names lower-cased; a flag maps to ""
 */
public record ParameterizedValue(String value, Map<String, String> params) {
  public ParameterizedValue {
    params = Map.copyOf(params);
  }

  public static ParameterizedValue parse(String text) {
    int semi = text.indexOf(';');
    if (semi < 0) {
      return new ParameterizedValue(text.strip(), Map.of());
    }
    return new ParameterizedValue(text.substring(0, semi).strip(), SipUri.params(text.substring(semi + 1)));
  }
}

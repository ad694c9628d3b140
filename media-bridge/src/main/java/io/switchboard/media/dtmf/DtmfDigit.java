package io.switchboard.media.dtmf;

/** The sixteen DTMF keys and their RFC 4733 §3.2 event codes (0-9, * = 10, # = 11, A-D = 12-15). */
public enum DtmfDigit {
  D0('0'), D1('1'), D2('2'), D3('3'), D4('4'), D5('5'), D6('6'), D7('7'), D8('8'), D9('9'),
  STAR('*'), POUND('#'), A('A'), B('B'), C('C'), D('D');

  private static final DtmfDigit[] BY_EVENT = values();

  private final char symbol;

  DtmfDigit(char symbol) {
    this.symbol = symbol;
  }

  /** The telephone-event code. */
  public int event() {
    return ordinal();
  }

  /** The key as a character: 0-9, *, #, A-D. */
  public char symbol() {
    return symbol;
  }

  /** Whether {@code event} is one of the sixteen DTMF event codes. */
  public static boolean isDigitEvent(int event) {
    return event >= 0 && event < BY_EVENT.length;
  }

  public static DtmfDigit ofEvent(int event) {
    if (!isDigitEvent(event)) {
      throw new IllegalArgumentException("telephone-event " + event + " is not a DTMF digit (0-15)");
    }
    return BY_EVENT[event];
  }

  /** Parses a key; lower-case a-d are accepted. */
  public static DtmfDigit ofSymbol(char symbol) {
    char upper = Character.toUpperCase(symbol);
    for (DtmfDigit digit : BY_EVENT) {
      if (digit.symbol == upper) {
        return digit;
      }
    }
    throw new IllegalArgumentException(
        "'" + symbol + "' is not a DTMF digit (expected 0-9, *, #, A-D)");
  }
}

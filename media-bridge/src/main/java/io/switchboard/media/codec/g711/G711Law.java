package io.switchboard.media.codec.g711;

/** The two G.711 companding laws. */
public enum G711Law {
  MU_LAW {
    @Override
    public byte encode(short linear) {
      return MuLaw.encode(linear);
    }

    @Override
    public short decode(byte code) {
      return MuLaw.decode(code);
    }
  },
  A_LAW {
    @Override
    public byte encode(short linear) {
      return ALaw.encode(linear);
    }

    @Override
    public short decode(byte code) {
      return ALaw.decode(code);
    }
  };

  public abstract byte encode(short linear);

  public abstract short decode(byte code);
}

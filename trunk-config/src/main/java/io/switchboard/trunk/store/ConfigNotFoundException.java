package io.switchboard.trunk.store;

/** An update named an id that is not stored. */
public final class ConfigNotFoundException extends RuntimeException {
    private final String id;

    public ConfigNotFoundException(String what, String id) {
        super(what + " " + id + " not found");
        this.id = id;
    }

    public String id() {
        return id;
    }
}

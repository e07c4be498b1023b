package dev.ordino.base.live;

/** Something an open page may show changed: a topic ({@code order}, {@code payment}) and the thing's id. */
public record Change(String topic, long id) {
}

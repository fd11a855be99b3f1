package io.teleglas.core.testing;

/** One entry of a {@code setMyCommands} call recorded by {@link FakeBot#commands()}. */
public record RegisteredCommand(String command, String description) {}

package io.switchboard.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An immutable conversation; adding an item gives a new context. */
public record ChatContext(List<ChatItem> items) {
  public static final ChatContext EMPTY = new ChatContext(List.of());

  public ChatContext {
    items = List.copyOf(items);
  }

  public ChatContext with(ChatItem item) {
    List<ChatItem> next = new ArrayList<>(items.size() + 1);
    next.addAll(items);
    next.add(item);
    return new ChatContext(next);
  }

  /** The most recent message from {@code role}. */
  public Optional<ChatItem.Message> lastMessage(ChatRole role) {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i) instanceof ChatItem.Message m && m.role() == role) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The items after the most recent user message (all items if there is none). */
  public List<ChatItem> sinceLastUserMessage() {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i) instanceof ChatItem.Message m && m.role() == ChatRole.USER) {
        return items.subList(i + 1, items.size());
      }
    }
    return items;
  }
}

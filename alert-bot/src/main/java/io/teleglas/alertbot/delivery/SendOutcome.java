package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What Telegram made of one request, as the delivery worker acts on it. */
sealed interface SendOutcome {

  /** Telegram accepted it; {@code messageId} is the message sent or edited. */
  record Accepted(int messageId) implements SendOutcome {}

  /** An edit that changed nothing (400 "message is not modified"): the chat already shows it. */
  record Unchanged() implements SendOutcome {}

  /** 429: nothing may go to this chat (or, if it recurs elsewhere, to any) for {@code wait}. */
  record RateLimited(Duration retryAfter, String description) implements SendOutcome {
    public RateLimited {
      requireNonNull(retryAfter, "retryAfter is null");
      requireNonNull(description, "description is null");
    }
  }

  /**
   * Worth retrying: 5xx, an I/O error or timeout, an answer that is not the Bot API's, or 401/404
   * (a wrong token or API URL is the operator's to fix; the backlog waits for it).
   */
  record Transient(String reason) implements SendOutcome {
    public Transient {
      requireNonNull(reason, "reason is null");
    }
  }

  /** 400 "can't parse entities": the text goes again as plain text. */
  record BadHtml(String description) implements SendOutcome {
    public BadHtml {
      requireNonNull(description, "description is null");
    }
  }

  /** 400 "message to edit not found" or "message can't be edited": sent as a new message. */
  record EditTargetMissing(String description) implements SendOutcome {
    public EditTargetMissing {
      requireNonNull(description, "description is null");
    }
  }

  /** 403, or 400 "chat not found" and kin: nothing reaches this chat until someone acts. */
  record ChatUnreachable(String description) implements SendOutcome {
    public ChatUnreachable {
      requireNonNull(description, "description is null");
    }
  }

  /** Any other refusal: this entry will never be accepted as it is. */
  record Rejected(String description) implements SendOutcome {
    public Rejected {
      requireNonNull(description, "description is null");
    }
  }
}

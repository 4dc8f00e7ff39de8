package nl.zorgpad.notification;

/** A mail as it goes out: subject, plain text and the same as simple HTML. */
record RenderedMail(String subject, String text, String html) {}

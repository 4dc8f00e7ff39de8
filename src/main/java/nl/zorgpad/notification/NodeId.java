package nl.zorgpad.notification;

import java.net.InetAddress;
import java.util.UUID;

/** Who claims a row: this JVM (host name plus a random part, unique in a cluster). */
final class NodeId {

  static final String VALUE = host() + "/" + UUID.randomUUID().toString().substring(0, 8);

  private static String host() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.length() > 60 ? name.substring(0, 60) : name;
    } catch (Exception e) {
      return "node";
    }
  }

  private NodeId() {}
}

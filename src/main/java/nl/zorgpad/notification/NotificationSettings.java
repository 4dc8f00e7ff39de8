package nl.zorgpad.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who wants what: a user's own mode (page "Meldingen") and a team mailbox's mode (set by the
 * coordinator on the sociale kaart); without a row, the configured defaults apply.
 */
@Component
public class NotificationSettings {

  private final JdbcTemplate jdbc;
  private final NotificationProperties properties;
  private final Clock clock;

  NotificationSettings(JdbcTemplate jdbc, NotificationProperties properties, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  public NotificationMode userMode(String userId) {
    List<String> modes =
        jdbc.queryForList(
            "select mode from zp_notification_user where user_id = ?", String.class, userId);
    return modes.isEmpty() ? properties.userDefaultMode() : NotificationMode.valueOf(modes.get(0));
  }

  public NotificationMode teamMode(String groupId) {
    List<String> modes =
        jdbc.queryForList(
            "select mode from zp_notification_team where group_id = ?", String.class, groupId);
    return modes.isEmpty() ? properties.teamDefaultMode() : NotificationMode.valueOf(modes.get(0));
  }

  /** Whether the coordinator has set the team's mode (the demo data leaves such teams alone). */
  boolean hasTeamMode(String groupId) {
    Integer rows =
        jdbc.queryForObject(
            "select count(*) from zp_notification_team where group_id = ?", Integer.class, groupId);
    return rows != null && rows > 0;
  }

  @Transactional
  public void setUserMode(String userId, NotificationMode mode) {
    Timestamp now = Timestamp.from(clock.instant());
    if (jdbc.update(
            "update zp_notification_user set mode = ?, updated_at = ? where user_id = ?",
            mode.name(),
            now,
            userId)
        == 0) {
      jdbc.update(
          "insert into zp_notification_user (user_id, mode, updated_at) values (?, ?, ?)",
          userId,
          mode.name(),
          now);
    }
  }

  @Transactional
  public void setTeamMode(String groupId, NotificationMode mode, String by) {
    Timestamp now = Timestamp.from(clock.instant());
    if (jdbc.update(
            "update zp_notification_team set mode = ?, updated_at = ?, updated_by = ?"
                + " where group_id = ?",
            mode.name(),
            now,
            by,
            groupId)
        == 0) {
      jdbc.update(
          "insert into zp_notification_team (group_id, mode, updated_at, updated_by)"
              + " values (?, ?, ?, ?)",
          groupId,
          mode.name(),
          now,
          by);
    }
  }
}

package nl.zorgpad.socialmap;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An organisation, team, contact or neighbourhood that does not exist (404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SocialMapNotFoundException extends RuntimeException {

  SocialMapNotFoundException(String what, Object id) {
    super(what + " " + id + " not found");
  }
}

package nl.zorgpad.audit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchor points (ankerpunten) of the hash chains, to keep outside Zorgpad: one line per chain
 * with its place, the hash of the record there and the time. Someone with write access to the
 * database who changes a record and then recomputes the whole chain and its head makes the
 * chain verify as intact again, but the record at an anchored place then has another hash: a
 * check of an anchor the privacy officer kept (in her report, on paper, with a notary) shows it.
 */
@Service
class ChainAnchors {

  static final String FORMAT = "zorgpad-ankerpunt/1";
  private static final Pattern LINE =
      Pattern.compile(
          "\\s*"
              + Pattern.quote(FORMAT)
              + "\\s+([a-z][a-z0-9-]*)\\s+(\\d{1,18})\\s+([0-9a-f]{64})"
              + "(?:\\s+(\\S+))?\\s*");

  /** One anchor: the chain, a place in it, the hash of the record at that place, when noted. */
  record Anchor(String chainId, long seq, String hash, String notedAt) {
    public String line() {
      return FORMAT + " " + chainId + " " + seq + " " + hash + " " + notedAt;
    }
  }

  enum Outcome {
    /** the chain is intact and the record at the anchored place still has the anchored hash */
    ON_CHAIN,
    /** the record at the anchored place has another hash, or is gone: the chain was rewritten */
    NOT_ON_CHAIN,
    /** the chain itself is broken (see its verification) */
    CHAIN_BROKEN,
    /** the anchor names a chain Zorgpad does not have */
    UNKNOWN_CHAIN
  }

  record Check(Anchor anchor, Outcome outcome, String storedHash) {}

  private final List<HashChain> chains;
  private final ChainCheckpoints checkpoints;

  ChainAnchors(List<HashChain> chains, ChainCheckpoints checkpoints) {
    this.chains = chains;
    this.checkpoints = checkpoints;
  }

  /**
   * The last verified point of every intact chain as an anchor: its place, the hash of the record
   * there and when it was checked, from the stored results of the last check (scheduled or full;
   * nothing is verified here, so the page costs the same at any size).
   */
  @PreAuthorize("hasAuthority('GROUP_auditor')")
  List<Anchor> current() {
    return current(checkpoints.lastResults());
  }

  /** {@link #current()} from results the caller read already. */
  @PreAuthorize("hasAuthority('GROUP_auditor')")
  List<Anchor> current(List<ChainCheckpoints.Stored> stored) {
    return stored.stream()
        .filter(chain -> chain.result().intact())
        .filter(chain -> chain.verifiedSeq() > 0 && chain.checkedAt() != null)
        .map(
            chain ->
                new Anchor(
                    chain.result().chainId(),
                    chain.verifiedSeq(),
                    chain.verifiedHash(),
                    chain.checkedAt().toString()))
        .toList();
  }

  /** Reads one anchor line; empty when it is not one. */
  static Optional<Anchor> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = LINE.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Anchor(
            matcher.group(1),
            Long.parseLong(matcher.group(2)),
            matcher.group(3),
            matcher.group(4) == null ? "" : matcher.group(4)));
  }

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  @Transactional(readOnly = true)
  Check check(Anchor anchor) {
    Optional<HashChain> chain =
        chains.stream()
            .filter(candidate -> candidate.spec().chainId().equals(anchor.chainId()))
            .findFirst();
    if (chain.isEmpty()) {
      return new Check(anchor, Outcome.UNKNOWN_CHAIN, null);
    }
    String stored = chain.get().hashAt(anchor.seq());
    if (!anchor.hash().equals(stored)) {
      return new Check(anchor, Outcome.NOT_ON_CHAIN, stored);
    }
    // whether the chain is intact: its last stored check (the page shows when that was)
    boolean intact =
        checkpoints.lastResults().stream()
            .filter(result -> result.result().chainId().equals(anchor.chainId()))
            .allMatch(result -> result.result().intact());
    return new Check(anchor, intact ? Outcome.ON_CHAIN : Outcome.CHAIN_BROKEN, stored);
  }
}

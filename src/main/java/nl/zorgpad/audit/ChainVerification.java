package nl.zorgpad.audit;

/**
 * The outcome of verifying one hash chain: intact, or the first broken record (its id and place
 * in the chain, where known) and what is wrong with it.
 */
public record ChainVerification(
    String chainId,
    String table,
    boolean intact,
    long checked,
    Object brokenRecordId,
    Long brokenSeq,
    Problem problem,
    long headSeq,
    String headHash) {

  public enum Problem {
    /** the record's content, id or place no longer matches its hash (changed row) */
    CONTENT_CHANGED,
    /** the record's previous hash is not the hash of the record before it */
    PREVIOUS_HASH_MISMATCH,
    /** the chain has a gap before this record (deleted rows) */
    RECORDS_MISSING_BEFORE,
    /** the chain ends before its head says it does (the last records were deleted) */
    RECORDS_MISSING_AT_END,
    /** a row that was never sealed by the application (inserted around it) */
    RECORD_OUTSIDE_CHAIN
  }

  static ChainVerification intact(
      HashChain.Spec spec, long checked, long headSeq, String headHash) {
    return new ChainVerification(
        spec.chainId(), spec.table(), true, checked, null, null, null, headSeq, headHash);
  }

  static ChainVerification broken(
      HashChain.Spec spec,
      long checked,
      Object id,
      Long seq,
      Problem problem,
      long headSeq,
      String headHash) {
    return new ChainVerification(
        spec.chainId(), spec.table(), false, checked, id, seq, problem, headSeq, headHash);
  }

  /** One line for logs and the command line. */
  public String summary() {
    if (intact) {
      return chainId + " (" + table + "): intact, " + headSeq + " records, head " + headHash;
    }
    return chainId
        + " ("
        + table
        + "): BROKEN at "
        + (brokenRecordId == null ? "" : "record id " + brokenRecordId + ", ")
        + "chain position "
        + brokenSeq
        + ": "
        + problem;
  }
}

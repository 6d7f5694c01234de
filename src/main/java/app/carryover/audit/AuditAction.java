package app.carryover.audit;

/** What an audit row records. */
public enum AuditAction {
    READ, CREATE, CHANGE, DELETE, EXPORT, SIGN_IN, SIGN_IN_FAILED, TOKEN_USE, TOKEN_CREATED, TOKEN_REVOKED,
    SETTINGS, CONSENT, ACCESS_DENIED, SIGN_OUT
}
